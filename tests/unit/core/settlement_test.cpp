// Issued bills, their numbers, and the settlement of late usage
// (conguaglio), with the property that makes the books add up.
#include <catch2/catch.hpp>

#include <random>

#include "core/bill_issue.hpp"
#include "core/semester.hpp"
#include "core/settlement.hpp"
#include "core/usage_ledger.hpp"
#include "support.hpp"

using namespace citfee;
using citfee::test::shipped;

namespace {

Period P(const char* text) {
  return Period::parse(text);
}

Entity comune(std::string id, std::int64_t population) {
  Entity e;
  e.id = std::move(id);
  e.name = "Comune " + e.id;
  e.population = population;
  return e;
}

// Issues the bill of `period` as the semester command does with the books.
IssuedBill issue(const Tariff& t, const UsageLedger& ledger, const Entity& e, Period period,
                 const std::vector<IssuedBill>& issued) {
  SemesterBill bill = semester_bill(t, ledger, e, period);
  add_settlements(bill, settlements_for(issued, period, [&](Period q) {
                    return semester_bill(t, ledger, e, q).total;
                  }));
  return semester_issue(bill, t, Date{2027, 1, 20});
}

}  // namespace

TEST_CASE("Bill numbers: one series per kind and year, four digits") {
  CHECK(bill_number(series_of(BillKind::kAnnual, 2027), 1) == "QA-2027/0001");
  CHECK(bill_number(series_of(BillKind::kAnnualCorrection, 2027), 12) == "QA-2027/0012");
  CHECK(bill_number(series_of(BillKind::kSemester, 2026), 211) == "QV-2026/0211");
  CHECK(bill_number(series_of(BillKind::kSemester, 2026), 12345) == "QV-2026/12345");
  CHECK(correction_reference(2027, "017002", 2) == "CIT-QA-2027-017002-R2");
  CHECK(parse_kind("annual_correction") == BillKind::kAnnualCorrection);
  CHECK_FALSE(parse_kind("Annual"));
}

TEST_CASE("A correction is due 30 days after its date, or on the original due date if later") {
  CHECK(correction_due(Date{2027, 2, 20}, Date{2027, 3, 31}).iso() == "2027-03-31");
  CHECK(correction_due(Date{2027, 3, 15}, Date{2027, 3, 31}).iso() == "2027-04-14");
  CHECK(correction_due(Date{2027, 12, 15}, Date{2027, 3, 31}).iso() == "2028-01-14");
  CHECK(correction_due(Date{2028, 2, 10}, Date{2027, 3, 31}).iso() == "2028-03-11");  // leap
}

TEST_CASE("Days count across months, leap years and the epoch") {
  CHECK(days_since_epoch(Date{1970, 1, 1}) == 0);
  CHECK(days_since_epoch(Date{2000, 3, 1}) - days_since_epoch(Date{2000, 2, 28}) == 2);
  CHECK(days_since_epoch(Date{2100, 3, 1}) - days_since_epoch(Date{2100, 2, 28}) == 1);
  CHECK(days_since_epoch(Date{1, 1, 1}) == -719162);
  for (long d = -719162; d <= days_since_epoch(Date{9999, 12, 31}); d += 997) {
    const Date date = date_from_days(d);
    REQUIRE(is_valid_date(date.year, date.month, date.day));
    REQUIRE(days_since_epoch(date) == d);
  }
}

TEST_CASE("A late row of an issued semester is settled in the next bill (conguaglio)") {
  // The case of the books issue: 200 Telemaco consultations in H1 (free,
  // 270 a year for up to 3,000 residents), 150 in H2; then 100 more in H1
  // reported late.
  const Tariff& t = shipped();
  const Entity e = comune("017009", 1500);
  UsageLedger july;
  july.add(e.id, P("2026-H1"), "telemaco", 200, std::nullopt);
  std::vector<IssuedBill> issued{issue(t, july, e, P("2026-H1"), {})};
  CHECK(issued[0].total == Money());

  UsageLedger january = july;
  january.add(e.id, P("2026-H1"), "telemaco", 100, std::nullopt);
  january.add(e.id, P("2026-H2"), "telemaco", 150, std::nullopt);
  issued.push_back(issue(t, january, e, P("2026-H2"), issued));
  const IssuedBill& h2 = issued[1];
  REQUIRE(h2.lines.size() == 2);
  CHECK(h2.lines[0].service == "telemaco");
  CHECK(h2.lines[0].amount == Money::parse("105.00"));  // 150 beyond the allowance
  CHECK(h2.lines[1].service == "conguaglio");
  CHECK(h2.lines[1].period == "2026-H1");
  CHECK(h2.lines[1].billed_before == Money());
  CHECK(h2.lines[1].amount == Money::parse("21.00"));  // 30 of 300 beyond 270, at 0.70
  CHECK(h2.total == Money::parse("126.00"));
  CHECK(billed_for(issued, P("2026-H1")) == Money::parse("21.00"));
}

TEST_CASE("Nothing changed, nothing settled; a lowered usage settles negative") {
  const Tariff& t = shipped();
  const Entity e = comune("017010", 1500);
  UsageLedger before;
  // 3 kits free over the convention, then 70 € each
  before.add(e.id, P("2026-H1"), "firme", 5, std::nullopt);
  std::vector<IssuedBill> issued{issue(t, before, e, P("2026-H1"), {})};
  CHECK(issued[0].total == Money::parse("140.00"));
  CHECK(settlements_for(issued, P("2026-H2"), [&](Period q) {
          return semester_bill(t, before, e, q).total;
        }).empty());

  UsageLedger corrected;
  corrected.add(e.id, P("2026-H1"), "firme", 3, std::nullopt);
  issued.push_back(issue(t, corrected, e, P("2026-H2"), issued));
  CHECK(issued[1].total == Money::parse("-140.00"));
  CHECK(issued[1].is_credit());
}

TEST_CASE("Property: the issued bills add up to the bills of the final ledger") {
  // Random usage over four semesters; each row arrives at the issue of its
  // own semester or later, and some are withdrawn later (a row entered
  // twice, then removed). After each semester is issued with the ledger as
  // it stood, every period's bills sum to its bill from the final ledger.
  const Tariff& t = shipped();
  const std::vector<Period> periods{P("2026-H1"), P("2026-H2"), P("2027-H1"), P("2027-H2")};
  const std::vector<std::string> services{"telemaco", "firme", "pec", "rinnovi"};
  std::mt19937 rng(20261203);
  for (int trial = 0; trial < 300; ++trial) {
    const Entity e = comune("0170" + std::to_string(10 + trial % 90),
                            std::uniform_int_distribution<std::int64_t>(50, 40000)(rng));
    struct Row {
      std::size_t period, arrives, leaves;
      std::string service;
      std::int64_t quantity;
    };
    std::vector<Row> rows;
    const int n = std::uniform_int_distribution<int>(0, 14)(rng);
    for (int i = 0; i < n; ++i) {
      Row r;
      r.period = std::uniform_int_distribution<std::size_t>(0, 3)(rng);
      r.arrives = std::uniform_int_distribution<std::size_t>(r.period, 3)(rng);
      r.leaves = std::uniform_int_distribution<int>(0, 3)(rng) == 0
                     ? std::uniform_int_distribution<std::size_t>(r.arrives + 1, 4)(rng)
                     : 4;
      r.service = services[std::uniform_int_distribution<std::size_t>(0, 3)(rng)];
      r.quantity = std::uniform_int_distribution<std::int64_t>(1, 400)(rng);
      rows.push_back(r);
    }
    auto ledger_at = [&](std::size_t step) {
      UsageLedger ledger;
      for (const Row& r : rows) {
        if (r.arrives <= step && step < r.leaves)
          ledger.add(e.id, periods[r.period], r.service, r.quantity, std::nullopt);
      }
      return ledger;
    };
    std::vector<IssuedBill> issued;
    for (std::size_t k = 0; k < periods.size(); ++k)
      issued.push_back(issue(t, ledger_at(k), e, periods[k], issued));
    const UsageLedger last = ledger_at(3);
    Money billed, computed;
    for (const IssuedBill& b : issued) billed += b.total;
    for (Period q : periods) {
      const Money final_bill = semester_bill(t, last, e, q).total;
      computed += final_bill;
      INFO("trial " << trial << " period " << q.str());
      REQUIRE(billed_for(issued, q) == final_bill);
    }
    REQUIRE(billed == computed);
  }
}
