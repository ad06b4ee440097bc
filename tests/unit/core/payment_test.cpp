// Matching payments to bills, and the balance of bills and entities.
#include <catch2/catch.hpp>

#include "core/balance.hpp"
#include "core/payment.hpp"

using namespace citfee;

namespace {

IssuedBill bill(const std::string& number, const std::string& reference, const std::string& id,
                const char* total, Date due = {2027, 3, 31}) {
  IssuedBill b;
  b.number = number;
  b.reference = reference;
  b.entity_id = id;
  b.name = "Comune " + id;
  b.tax_code = "00848860175";
  b.date = {2027, 1, 15};
  b.due = due;
  b.total = Money::parse(total);
  return b;
}

Payment payment(const char* amount, std::string description, std::string tax_code = "",
                Date date = {2027, 3, 10}) {
  Payment p;
  p.date = date;
  p.amount = Money::parse(amount);
  p.description = std::move(description);
  p.tax_code = std::move(tax_code);
  return p;
}

const std::vector<IssuedBill> kBills = {
    bill("QA-2027/0001", "CIT-QA-2027-017001", "017001", "298.00"),
    bill("QA-2027/0002", "CIT-QA-2027-017002", "017002", "1246.00"),
    bill("QA-2027/0003", "CIT-QA-2027-017002-R1", "017002", "-20.00", {2027, 4, 30}),
    bill("QV-2026/0012", "CIT-QV-2026-H2-017001", "017001", "70.00", {2027, 1, 31}),
};

}  // namespace

TEST_CASE("a reference in the description matches, however the bank wrote its marks") {
  for (const char* text : {"Bonifico CIT-QA-2027-017001 quota", "cit qa 2027 017001",
                           "CIT_QA_2027_017001", "rif.CIT-QA-2027-017001."}) {
    const MatchFound m = match_payment(payment("298.00", text), kBills, {});
    REQUIRE(m.bill);
    CHECK(m.bill->number == "QA-2027/0001");
    CHECK(m.how == Match::kReference);
  }
}

TEST_CASE("a correction's reference wins over its original's, which it contains") {
  const MatchFound m = match_payment(payment("20.00", "CIT-QA-2027-017002-R1"), kBills, {});
  REQUIRE(m.bill);
  CHECK(m.bill->number == "QA-2027/0003");
}

TEST_CASE("a reference written exactly wins over one that only folds alike") {
  const std::vector<IssuedBill> bills = {bill("N-1", "A:1", "017001", "10.00"),
                                         bill("N-2", "A_1", "017002", "20.00")};
  for (const auto& [text, number] : {std::pair{"pays A_1", "N-2"}, std::pair{"pays A:1", "N-1"},
                                     std::pair{"A_1", "N-2"}, std::pair{"rif. A:1.", "N-1"}}) {
    INFO(text);
    const MatchFound m = match_payment(payment("10.00", text), bills, {});
    REQUIRE(m.bill);
    CHECK(m.bill->number == number);
    CHECK(m.how == Match::kReference);
  }
  // Folded alike but written neither way: the first, as before.
  const MatchFound m = match_payment(payment("10.00", "pays a 1"), bills, {});
  REQUIRE(m.bill);
  CHECK(m.bill->number == "N-1");
}

TEST_CASE("a reference is a whole word: a longer id is not its entity") {
  const MatchFound m = match_payment(payment("298.00", "CIT-QA-2027-0170011"), kBills, {});
  CHECK_FALSE(m.bill);
}

TEST_CASE("a bill number matches when no reference does") {
  const MatchFound m = match_payment(payment("70.00", "saldo fattura QV-2026/0012"), kBills, {});
  REQUIRE(m.bill);
  CHECK(m.bill->number == "QV-2026/0012");
  CHECK(m.how == Match::kNumber);
}

TEST_CASE("the tax code matches an open bill of exactly the amount, the one due first") {
  MatchFound m = match_payment(payment("70.00", "quota CIT", "00848860175"), kBills, {});
  REQUIRE(m.bill);
  CHECK(m.bill->number == "QV-2026/0012");
  CHECK(m.how == Match::kTaxCode);
  // Once QV-2026/0012 is paid, 70.00 fits no open bill.
  const PaidByBill paid = {{"QV-2026/0012", Money::parse("70.00")}};
  CHECK_FALSE(match_payment(payment("70.00", "quota CIT", "00848860175"), kBills, paid).bill);
  // What is left of a partly paid bill is its open amount.
  const PaidByBill part = {{"QA-2027/0002", Money::parse("1000.00")}};
  m = match_payment(payment("246.00", "saldo", "00848860175"), kBills, part);
  REQUIRE(m.bill);
  CHECK(m.bill->number == "QA-2027/0002");
}

TEST_CASE("nothing that fits leaves a payment unmatched") {
  CHECK(match_payment(payment("298.00", "quota"), kBills, {}).how == Match::kNone);
  CHECK(match_payment(payment("298.00", "quota", "99999999999"), kBills, {}).how == Match::kNone);
}

TEST_CASE("find_bill takes a number or a reference") {
  REQUIRE(find_bill("QA-2027/0002", kBills));
  CHECK(find_bill("QA-2027/0002", kBills)->reference == "CIT-QA-2027-017002");
  REQUIRE(find_bill("cit-qa-2027-017002-r1", kBills));
  CHECK(find_bill("cit-qa-2027-017002-r1", kBills)->number == "QA-2027/0003");
  CHECK_FALSE(find_bill("QA-2027/0099", kBills));
}

TEST_CASE("payment ids and match names read back") {
  CHECK(payment_id(123) == "P-000123");
  for (Match m : {Match::kNone, Match::kReference, Match::kNumber, Match::kTaxCode, Match::kHand})
    CHECK(parse_match(match_name(m)) == m);
  CHECK_FALSE(parse_match("maybe"));
}

namespace {

Payment paid(const char* amount, const std::string& bill_number, Date date) {
  Payment p = payment(amount, "", "", date);
  p.bill = bill_number;
  p.match = Match::kHand;
  return p;
}

const BillBalance& of(const std::vector<BillBalance>& all, const std::string& number) {
  for (const BillBalance& b : all) {
    if (b.bill->number == number) return b;
  }
  FAIL("no balance for " << number);
  return all.front();
}

}  // namespace

TEST_CASE("a bill is open up to its due day and overdue the day after") {
  const std::vector<IssuedBill> bills = {kBills[0]};
  auto on_due = bill_balances(bills, {}, {}, {2027, 3, 31});
  CHECK(on_due[0].status == PaymentStatus::kOpen);
  CHECK(on_due[0].days_past_due == 0);
  auto after = bill_balances(bills, {}, {}, {2027, 4, 1});
  CHECK(after[0].status == PaymentStatus::kOverdue);
  CHECK(after[0].days_past_due == 1);
  CHECK(after[0].outstanding == Money::parse("298.00"));
  // Before its date, the bill is not yet there.
  CHECK(bill_balances(bills, {}, {}, {2027, 1, 14}).empty());
}

TEST_CASE("partial, paid and over-paid bills; payments count from their date") {
  const std::vector<Payment> payments = {paid("1000.00", "QA-2027/0002", {2027, 3, 1}),
                                         paid("300.00", "QA-2027/0002", {2027, 5, 2}),
                                         paid("298.00", "QA-2027/0001", {2027, 3, 2})};
  auto march = bill_balances(kBills, payments, {}, {2027, 3, 15});
  CHECK(of(march, "QA-2027/0002").status == PaymentStatus::kPartial);
  CHECK(of(march, "QA-2027/0002").outstanding == Money::parse("246.00"));
  CHECK(of(march, "QA-2027/0001").status == PaymentStatus::kPaid);
  CHECK(of(march, "QA-2027/0003").status == PaymentStatus::kCredit);
  CHECK(of(march, "QA-2027/0003").credit == Money::parse("20.00"));
  auto april = bill_balances(kBills, payments, {}, {2027, 4, 10});
  CHECK(of(april, "QA-2027/0002").status == PaymentStatus::kOverdue);
  auto may = bill_balances(kBills, payments, {}, {2027, 5, 10});
  CHECK(of(may, "QA-2027/0002").status == PaymentStatus::kCredit);
  CHECK(of(may, "QA-2027/0002").credit == Money::parse("54.00"));
  CHECK(of(may, "QA-2027/0002").outstanding == Money());
}

TEST_CASE("an entity sums its bills and has its worst bill's status") {
  const std::vector<Payment> payments = {paid("298.00", "QA-2027/0001", {2027, 3, 2})};
  const auto bills = bill_balances(kBills, payments, {}, {2027, 4, 10});
  const auto entities = entity_balances(bills);
  REQUIRE(entities.size() == 2);
  CHECK(entities[0].id == "017001");
  CHECK(entities[0].bills == 2);
  CHECK(entities[0].billed == Money::parse("368.00"));
  CHECK(entities[0].outstanding == Money::parse("70.00"));
  CHECK(entities[0].status == PaymentStatus::kOverdue);  // QV-2026/0012 is
  CHECK(entities[1].credit == Money::parse("20.00"));
  CHECK(entities[1].outstanding == Money::parse("1246.00"));
  // Outstanding less credit is billed less paid, for every entity.
  for (const EntityBalance& e : entities) CHECK(e.outstanding - e.credit == e.billed - e.paid);
}

TEST_CASE("reminders count up to the date") {
  const std::vector<Reminder> sent = {{"QA-2027/0001", 1, {2027, 5, 2}, {}, {}},
                                      {"QA-2027/0001", 2, {2027, 6, 3}, {}, {}}};
  const auto may = bill_balances({kBills[0]}, {}, sent, {2027, 5, 10});
  CHECK(may[0].reminders == 1);
  REQUIRE(may[0].last_reminder);
  CHECK(*may[0].last_reminder == Date{2027, 5, 2});
  const auto june = bill_balances({kBills[0]}, {}, sent, {2027, 6, 10});
  CHECK(june[0].reminders == 2);
}

TEST_CASE("property: on random bills and payments, every euro is somewhere") {
  // Outstanding less credit is billed less paid, per bill and per entity;
  // what the bills were paid plus the sospesi is what came in; and a payment
  // that names a bill's reference is matched to that bill.
  std::uint64_t seed = 20270331;
  auto next = [&seed](std::uint64_t n) {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return (seed >> 33) % n;
  };
  for (int round = 0; round < 200; ++round) {
    std::vector<IssuedBill> bills;
    const int nbills = 1 + static_cast<int>(next(8));
    for (int i = 0; i < nbills; ++i) {
      const std::string id = "0170" + std::to_string(10 + next(5));
      const std::int64_t cents = static_cast<std::int64_t>(next(200000)) - 20000;
      IssuedBill b = bill("QV-2026/" + std::to_string(1000 + i),
                          "CIT-QV-2026-H1-" + id + "-" + std::to_string(i), id.c_str(), "0",
                          Date{2027, 1, 1 + static_cast<int>(next(28))});
      b.total = Money::from_cents(cents);
      bills.push_back(b);
    }
    std::vector<Payment> payments;
    PaidByBill paid;
    Money came_in;
    const int npayments = static_cast<int>(next(12));
    for (int i = 0; i < npayments; ++i) {
      const IssuedBill& target = bills[next(bills.size())];
      const bool named = next(3) != 0;
      Payment p = payment(
          "0", named ? "pagamento " + target.reference : "pagamento", next(2) ? "00848860175" : "",
          Date{2027, 1 + static_cast<int>(next(6)), 1 + static_cast<int>(next(28))});
      p.amount = Money::from_cents(1 + static_cast<std::int64_t>(next(150000)));
      const MatchFound m = match_payment(p, bills, paid);
      if (named) {
        REQUIRE(m.bill);
        CHECK(m.bill->number == target.number);
      }
      if (m.bill) {
        p.bill = m.bill->number;
        paid[p.bill] += p.amount;
      }
      came_in += p.amount;
      payments.push_back(p);
    }
    const Date as_of{2027, 12, 31};
    const auto balances = bill_balances(bills, payments, {}, as_of);
    Money paid_on_bills;
    for (const BillBalance& b : balances) {
      CHECK(b.outstanding - b.credit == b.bill->total - b.paid);
      CHECK_FALSE(b.outstanding.is_negative());
      CHECK_FALSE(b.credit.is_negative());
      paid_on_bills += b.paid;
    }
    Money sospesi;
    for (const Payment* p : unmatched_payments(payments, as_of)) sospesi += p->amount;
    CHECK(paid_on_bills + sospesi == came_in);
    for (const EntityBalance& e : entity_balances(balances))
      CHECK(e.outstanding - e.credit == e.billed - e.paid);
  }
}
