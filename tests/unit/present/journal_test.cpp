// The hledger journal of the books: what each bill and payment posts.
#include <catch2/catch.hpp>

#include <iterator>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "present/journal.hpp"

using namespace citfee;

namespace {

IssuedBill semester(const char* number, const char* id, const char* total) {
  IssuedBill b;
  b.number = number;
  b.reference = std::string("CIT-QV-2026-H2-") + id;
  b.kind = BillKind::kSemester;
  b.period = "2026-H2";
  b.entity_id = id;
  b.name = "Comune; di Prova";
  b.date = {2027, 1, 20};
  b.due = {2027, 1, 31};
  b.total = Money::parse(total);
  BillLine pec;
  pec.service = "pec";
  pec.amount = Money::parse("20.00");
  BillLine settled;
  settled.service = "conguaglio";
  settled.amount = b.total - pec.amount;
  b.lines = {pec, settled};
  return b;
}

Payment payment(const char* id, const char* amount, const char* bill, Date date) {
  Payment p;
  p.id = id;
  p.date = date;
  p.amount = Money::parse(amount);
  p.payer = "Tesoreria";
  p.bill = bill;
  return p;
}

// Whether `text` holds `line`, runs of spaces counting as one (the columns'
// padding is hledger's business, not these checks').
std::string squeezed(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (!(c == ' ' && !out.empty() && out.back() == ' ')) out += c;
  }
  return out;
}

bool has(const std::string& text, const std::string& line) {
  return squeezed(text).find(squeezed(line)) != std::string::npos;
}

}  // namespace

TEST_CASE("a bill posts each service's revenue against the entity's account") {
  const std::string j = hledger_journal({semester("QV-2026/0001", "017001", "-1.50")}, {}, {});
  CHECK(has(j,
            "2027-01-20 * (CIT-QV-2026-H2-017001) QV-2026/0001 quote variabili del 2° "
            "semestre 2026 - Comune, di Prova\n"));
  CHECK(has(j, "    crediti:enti:017001                                  -1.50 EUR\n"));
  CHECK(has(j, "    ricavi:quote_variabili:pec                          -20.00 EUR\n"));
  CHECK(has(j, "    ricavi:quote_variabili:conguaglio                    21.50 EUR\n"));
  CHECK(has(j, "account crediti:enti:017001\n"));
  CHECK(has(j, "    crediti:enti:017001                                      0 EUR = -1.50 EUR\n"));
}

TEST_CASE("payments post to the bank against the entity, or against sospesi") {
  const std::vector<IssuedBill> bills = {semester("QV-2026/0001", "017001", "70.00")};
  const std::vector<Payment> payments = {
      payment("P-000001", "100.00", "QV-2026/0001", {2027, 2, 1}),
      payment("P-000002", "5.00", "", {2027, 2, 2})};
  const std::string j = hledger_journal(bills, payments, {});
  CHECK(has(j, "2027-02-01 * (CIT-QV-2026-H2-017001) P-000001 Pagamento QV-2026/0001"));
  CHECK(has(j, "    banca                                               100.00 EUR\n"));
  CHECK(has(j, "2027-02-02 * P-000002 Pagamento non abbinato - Tesoreria\n"));
  CHECK(has(j, "    sospesi                                              -5.00 EUR\n"));
  // Over-paid by 30.00: the entity's account ends negative.
  CHECK(has(j, "2027-02-02 * Saldo dei crediti di ciascun ente\n"));
  CHECK(has(j, "0 EUR = -30.00 EUR\n"));
}

TEST_CASE("a year's journal opens with what the years before left, revenue aside") {
  const std::vector<IssuedBill> bills = {semester("QV-2026/0001", "017001", "70.00")};
  const std::vector<Payment> payments = {
      payment("P-000001", "20.00", "QV-2026/0001", {2028, 2, 1})};
  const std::string j = hledger_journal(bills, payments, 2028);
  CHECK_FALSE(has(j, "QV-2026/0001 quote variabili"));
  CHECK(has(j, "2028-01-01 * Saldi di apertura\n"));
  CHECK(has(j, "    crediti:enti:017001                                  70.00 EUR\n"));
  CHECK(has(j, "    patrimonio:apertura                                 -70.00 EUR\n"));
  CHECK_FALSE(has(j, "account ricavi"));
  CHECK(has(j, "0 EUR = 50.00 EUR\n"));
}

TEST_CASE("ids hledger would misread keep accounts of their own, without spaces", "[ids]") {
  // Ids of different files and years meet in one books: each its account.
  const char* ids[] = {"A:1",
                       "A_1",
                       "A 1",
                       "A;1",
                       "A\xc2\xa0\xc2\xa0"
                       "1",
                       "A%3A1"};
  std::vector<IssuedBill> bills;
  int n = 0;
  for (const char* id : ids)
    bills.push_back(semester(fmt::format("QV-2026/{:04}", ++n).c_str(), id, "30.00"));
  const std::string j = hledger_journal(bills, {}, {});
  CHECK(has(j, "account crediti:enti:A%3A1\n"));
  CHECK(has(j, "account crediti:enti:A_1\n"));
  CHECK(has(j, "account crediti:enti:A%201\n"));
  CHECK(has(j, "account crediti:enti:A%3B1\n"));
  CHECK(has(j, "account crediti:enti:A%C2%A0%C2%A01\n"));
  CHECK(has(j, "account crediti:enti:A%253A1\n"));
  std::set<std::string> accounts;
  std::size_t start = 0;
  while ((start = j.find("account crediti:enti:", start)) != std::string::npos) {
    const std::size_t end = j.find('\n', start);
    accounts.insert(j.substr(start, end - start));
    start = end;
  }
  CHECK(accounts.size() == std::size(ids));
  // No no-break space and no double space inside an account.
  for (const std::string& a : accounts) {
    CHECK(a.find("\xc2\xa0") == std::string::npos);
    CHECK(a.find("  ") == std::string::npos);
  }
}
