#include "present/journal.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "core/text.hpp"
#include "present/italian.hpp"

namespace citfee {

namespace {

struct Posting {
  std::string account;
  Money amount;
};

struct Transaction {
  Date date;
  std::string code;  // the bill's reference; empty for none
  std::string description;
  std::vector<Posting> postings;
};

// An account name holds no ':' of its own and no space of any kind (two end
// it in a posting, a no-break one breaks `hledger check`); written so
// reversibly, "A:1" and "A_1" stay two accounts. A description holds no ';'
// (which starts a comment).
std::string account_part(std::string_view text) {
  return ledger_account_part(text);
}

std::string one_line(std::string_view text) {
  std::string out;
  for (char c : text) out += (c == ';' || c == '\n' || c == '\r' || c == '\t') ? ',' : c;
  return out;
}

std::string receivable(std::string_view entity_id) {
  return "crediti:enti:" + account_part(entity_id);
}

std::string revenue(const IssuedBill& bill, const BillLine& line) {
  if (bill.kind != BillKind::kSemester) return "ricavi:quote_annuali";
  return "ricavi:quote_variabili:" + account_part(line.service);
}

// The revenue of each line, by account; the whole total when the lines do
// not add up to it (the total is what was billed).
std::optional<Transaction> bill_transaction(const IssuedBill& bill) {
  std::map<std::string, Money> by_account;
  Money lines;
  for (const BillLine& l : bill.lines) {
    if (l.amount.is_zero()) continue;
    by_account[revenue(bill, l)] += l.amount;
    lines += l.amount;
  }
  if (bill.total.is_zero() && by_account.empty()) return std::nullopt;
  if (lines != bill.total) {
    by_account.clear();
    by_account[bill.kind == BillKind::kSemester ? "ricavi:quote_variabili"
                                                : "ricavi:quote_annuali"] = bill.total;
  }
  Transaction t{
      bill.date,
      bill.reference,
      one_line(fmt::format("{} {} - {}", bill.number, italian_bill_subject(bill), bill.name)),
      {{receivable(bill.entity_id), bill.total}}};
  for (const auto& [account, amount] : by_account)
    t.postings.push_back({account, Money() - amount});
  return t;
}

Transaction payment_transaction(const Payment& p,
                                const std::map<std::string, const IssuedBill*>& bills) {
  const auto it = bills.find(p.bill);
  const std::string payer = p.payer.empty() ? p.description : p.payer;
  if (it == bills.end()) {
    return {p.date,
            "",
            one_line(fmt::format("{} Pagamento non abbinato - {}", p.id, payer)),
            {{"banca", p.amount}, {"sospesi", Money() - p.amount}}};
  }
  const IssuedBill& b = *it->second;
  return {p.date,
          b.reference,
          one_line(fmt::format("{} Pagamento {} - {}", p.id, b.number, b.name)),
          {{"banca", p.amount}, {receivable(b.entity_id), Money() - p.amount}}};
}

std::string amount_text(Money m) {
  return m.to_string(2) + " EUR";
}

std::string write(const Transaction& t) {
  std::string out = t.date.iso() + " *";
  if (!t.code.empty()) out += " (" + t.code + ")";
  out += " " + t.description + "\n";
  for (const Posting& p : t.postings)
    out += fmt::format("    {:<40}  {:>16}\n", p.account, amount_text(p.amount));
  return out + "\n";
}

std::vector<Transaction> all_transactions(const std::vector<IssuedBill>& bills,
                                          const std::vector<Payment>& payments) {
  std::vector<Transaction> out;
  std::map<std::string, const IssuedBill*> by_number;
  for (const IssuedBill& b : bills) {
    by_number[b.number] = &b;
    if (auto t = bill_transaction(b)) out.push_back(std::move(*t));
  }
  for (const Payment& p : payments) out.push_back(payment_transaction(p, by_number));
  std::stable_sort(out.begin(), out.end(),
                   [](const Transaction& a, const Transaction& b) { return a.date < b.date; });
  return out;
}

// What the years before carry into `year`: receivables, bank and sospesi as
// they stood, against the opening equity; revenue starts again from zero.
std::optional<Transaction> opening(const std::vector<Transaction>& before, int year) {
  std::map<std::string, Money> balance;
  for (const Transaction& t : before) {
    for (const Posting& p : t.postings) {
      if (p.account.rfind("ricavi", 0) != 0) balance[p.account] += p.amount;
    }
  }
  Transaction t{{year, 1, 1}, "", "Saldi di apertura", {}};
  Money sum;
  for (const auto& [account, amount] : balance) {
    if (amount.is_zero()) continue;
    t.postings.push_back({account, amount});
    sum += amount;
  }
  if (t.postings.empty()) return std::nullopt;
  t.postings.push_back({"patrimonio:apertura", Money() - sum});
  return t;
}

// Every account, declared: `hledger check --strict` then finds a misspelt one.
std::string declarations(const std::vector<Transaction>& kept) {
  std::set<std::string> accounts;
  for (const Transaction& t : kept) {
    for (const Posting& p : t.postings) accounts.insert(p.account);
  }
  std::string out;
  for (const std::string& a : accounts) out += "account " + a + "\n";
  return accounts.empty() ? out : out + "\n";
}

std::string assertions(const std::vector<Transaction>& kept) {
  std::map<std::string, Money> balance;
  Date last;
  for (const Transaction& t : kept) {
    last = std::max(last, t.date);
    for (const Posting& p : t.postings) {
      if (p.account.rfind("crediti:enti:", 0) == 0) balance[p.account] += p.amount;
    }
  }
  if (balance.empty()) return {};
  std::string out = last.iso() + " * Saldo dei crediti di ciascun ente\n";
  for (const auto& [account, amount] : balance)
    out += fmt::format("    {:<40}  {:>16} = {}\n", account, "0 EUR", amount_text(amount));
  return out;
}

}  // namespace

std::string hledger_journal(const std::vector<IssuedBill>& bills,
                            const std::vector<Payment>& payments, std::optional<int> year) {
  std::vector<Transaction> all = all_transactions(bills, payments);
  std::vector<Transaction> kept;
  std::vector<Transaction> before;
  for (Transaction& t : all) {
    if (year && t.date.year < *year) {
      before.push_back(std::move(t));
    } else if (!year || t.date.year == *year) {
      kept.push_back(std::move(t));
    }
  }
  if (year) {
    if (auto t = opening(before, *year)) kept.insert(kept.begin(), std::move(*t));
  }
  std::string out =
      "; The books of citfee as an hledger journal: `hledger -f FILE check --strict`.\n";
  out += "commodity 1000.00 EUR\n\n" + declarations(kept);
  for (const Transaction& t : kept) out += write(t);
  return out + assertions(kept);
}

}  // namespace citfee
