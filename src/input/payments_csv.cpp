// Payments from a treasury's or bank's CSV export.
#include <cctype>
#include <optional>

#include <fmt/format.h>

#include "core/entity.hpp"
#include "input/csv.hpp"
#include "input/header.hpp"
#include "input/payments.hpp"

namespace citfee {

namespace {

bool is_digits(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

// "1.245.300" → "1245300": a first group of one to three digits, then groups
// of three, all after the same mark, which is not the decimal one.
std::optional<std::string> ungrouped(std::string_view whole, char decimal_mark) {
  if (is_digits(whole)) return std::string(whole);
  const std::size_t first_mark = whole.find_first_of(".,");
  if (first_mark == std::string_view::npos || whole[first_mark] == decimal_mark) return {};
  const char mark = whole[first_mark];
  std::string out;
  std::size_t start = 0;
  for (bool first = true;; first = false) {
    const std::size_t next = whole.find(mark, start);
    const std::string_view group =
        whole.substr(start, next == std::string_view::npos ? next : next - start);
    if (!is_digits(group) || (first ? group.size() > 3 : group.size() != 3)) return {};
    out += group;
    if (next == std::string_view::npos) return out;
    start = next + 1;
  }
}

std::string cleaned(std::string_view text) {
  std::string s;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ' ' || c == '\t') continue;
    if (text.substr(i, 3) == "\xE2\x82\xAC") {  // €
      i += 2;
      continue;
    }
    s += c;
  }
  if (s.size() > 3 && s.substr(s.size() - 3) == "EUR") s.resize(s.size() - 3);
  return s;
}

}  // namespace

namespace {

// The amount without blanks, € or EUR, and its sign apart.
struct Signed {
  std::string sign;  // "-" or ""
  std::string digits;
};

Signed split_sign(std::string_view text) {
  Signed out{"", cleaned(text)};
  std::string& s = out.digits;
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
    if (s.front() == '-') out.sign = "-";
    s.erase(0, 1);
  }
  return out;
}

char other_mark(char mark) {
  return mark == ',' ? '.' : ',';
}

}  // namespace

char decimal_mark_of(std::string_view text) {
  const std::string s = split_sign(text).digits;
  const std::size_t last = s.find_last_of(".,");
  if (last == std::string::npos) return '\0';
  const char mark = s[last];
  // Both marks: the last one is the decimal one (1.245,00).
  if (s.find(other_mark(mark)) != std::string::npos) return mark;
  // One mark written twice groups thousands (1.245.300): the other is decimal.
  if (s.find(mark) != last) return other_mark(mark);
  // Once, before three digits (1.245), it could be either.
  const std::string_view after = std::string_view(s).substr(last + 1);
  if (after.size() == 3 && is_digits(after)) return '\0';
  return mark;
}

Money parse_bank_amount(std::string_view text, char decimal_mark) {
  const Signed amount = split_sign(text);
  const std::string& s = amount.digits;
  const auto not_an_amount = [&] {
    return ValueError(
        fmt::format("\"{}\" is not an amount: write 1245.00, 1.245,00 or 1,245.00", text));
  };
  const char mark = decimal_mark ? decimal_mark : decimal_mark_of(s);
  if (!mark) {
    // No mark, or one before three digits that the file does not explain.
    if (is_digits(s)) return Money::parse(amount.sign + s);
    const std::size_t at = s.find_first_of(".,");
    if (at != std::string::npos) {
      const std::string_view head = std::string_view(s).substr(0, at);
      const std::string_view tail = std::string_view(s).substr(at + 1);
      if (is_digits(head) && tail.size() == 3 && is_digits(tail)) {
        throw ValueError(
            fmt::format("\"{}\" could be {}{} or {}.{}: no amount of the file shows "
                        "its decimal mark; write 1245.00, 1.245,00 or 1,245.00",
                        text, head, tail, head, tail));
      }
    }
    throw not_an_amount();
  }
  const std::size_t point = s.find(mark);
  if (point != std::string::npos && s.find(mark, point + 1) != std::string::npos)
    throw not_an_amount();
  const std::string_view whole = std::string_view(s).substr(0, point);
  const std::string_view decimals =
      point == std::string::npos ? std::string_view() : std::string_view(s).substr(point + 1);
  const auto digits = ungrouped(whole, mark);
  if (!digits || (point != std::string::npos && !is_digits(decimals))) throw not_an_amount();
  if (decimals.size() > 2) {
    throw ValueError(
        fmt::format("\"{}\" has {} decimals after '{}', the file's decimal mark: an "
                    "amount in EUR has at most 2",
                    text, decimals.size(), mark));
  }
  if (point != std::string::npos && decimals.size() != 2) throw not_an_amount();
  return Money::parse(amount.sign + *digits +
                      (point == std::string::npos ? "" : "." + std::string(decimals)));
}

namespace {

struct Columns {
  int date = -1;
  int amount = -1;
  int description = -1;
  int payer = -1;
  int tax_code = -1;
  int bank_id = -1;
  int credit = -1;  // credits only, when there is no signed amount column
};

// The columns of a bank export, by English or Italian name; others are the
// bank's own (balance, currency...) and left alone.
// How much a column name is the payment's date: a date, then a booking
// date, then a value date; 0 for no date.
int date_rank(std::string_view name) {
  if (name == "date") return 3;
  if (name == "booking_date" || name == "data_contabile" || name == "data_operazione") return 2;
  if (name == "value_date") return 1;
  return 0;
}

Columns columns_of(const CsvTable& t) {
  Columns c;
  int best_date = 0;
  for (std::size_t i = 0; i < t.header.size(); ++i) {
    const std::string name = fold_name(t.header[i]);
    const int col = static_cast<int>(i);
    if (date_rank(name) > best_date) {
      best_date = date_rank(name);
      c.date = col;
    }
    if (name == "amount") c.amount = col;
    // Exports with a column of credits and one of debits (Accrediti, Addebiti).
    if (name == "credit" || name == "accrediti" || name == "entrate" || name == "avere")
      c.credit = col;
    if (name == "description" || (name == "descrizione_operazione" && c.description < 0))
      c.description = col;
    if (name == "payer") c.payer = col;
    if (name == "tax_code") c.tax_code = col;
    if (name == "transaction_id") c.bank_id = col;
  }
  return c;
}

bool check_columns(const CsvTable& t, const Columns& c, Diagnostics& diag) {
  std::vector<std::string> missing;
  if (c.date < 0) missing.emplace_back("date (data)");
  if (c.amount < 0 && c.credit < 0) missing.emplace_back("amount (importo, or accrediti)");
  if (c.description < 0) missing.emplace_back("description (causale)");
  if (missing.empty()) return true;
  diag.error({t.file, t.header_line, 0},
             fmt::format("no {} column: a payments file has date, amount and description, and "
                         "optionally payer, tax_code and transaction_id",
                         fmt::join(missing, ", ")));
  return false;
}

}  // namespace

PaymentsFile read_payments_csv(std::string_view text, const std::string& file, Diagnostics& diag) {
  PaymentsFile out;
  out.format = "CSV";
  const CsvTable t = parse_csv(text, file, diag);
  if (t.header.empty()) {
    diag.error({file, 1, 0},
               "the file is empty: it needs a header line such as "
               "date,amount,description");
    return out;
  }
  const Columns c = columns_of(t);
  if (!check_columns(t, c, diag)) return out;
  const int amount_col = c.amount >= 0 ? c.amount : c.credit;
  // The decimal mark is the file's, settled once: a bank writes every
  // amount alike, so "503,001" among "298,00" is three decimals, not 503,001.
  char decimal_mark = '\0';
  int mark_line = 0;
  std::vector<bool> mixed(t.rows.size(), false);
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    const char mark = decimal_mark_of(cell_text(t.rows[i], amount_col));
    if (!mark) continue;
    if (!decimal_mark) {
      decimal_mark = mark;
      mark_line = t.rows[i].line;
    } else if (mark != decimal_mark) {
      mixed[i] = true;
      diag.error(t.at(t.rows[i], amount_col),
                 fmt::format("amount \"{}\" has '{}' as decimal mark, but line {} has '{}': "
                             "one file writes its amounts one way",
                             cell_text(t.rows[i], amount_col), mark, mark_line, decimal_mark));
    }
  }
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    const CsvRow& row = t.rows[i];
    if (mixed[i]) continue;
    Payment p;
    p.file = file;
    p.line = row.line;
    try {
      p.date = parse_date_time(cell_text(row, c.date));
    } catch (const ValueError& e) {
      diag.error(t.at(row, c.date), fmt::format("date {}", e.what()));
      continue;
    }
    const std::string amount = cell_text(row, amount_col);
    if (c.amount < 0 && amount.empty()) {  // a debit's row: its credit cell is empty
      ++out.outgoing;
      continue;
    }
    try {
      p.amount = parse_bank_amount(amount, decimal_mark);
    } catch (const ValueError& e) {
      diag.error(t.at(row, amount_col), fmt::format("amount {}", e.what()));
      continue;
    }
    if (p.amount.is_negative() || p.amount.is_zero()) {
      ++out.outgoing;
      continue;
    }
    p.description = cell_text(row, c.description);
    p.payer = cell_text(row, c.payer);
    p.tax_code = cell_text(row, c.tax_code);
    p.bank_id = cell_text(row, c.bank_id);
    out.payments.push_back(std::move(p));
  }
  return out;
}

}  // namespace citfee
