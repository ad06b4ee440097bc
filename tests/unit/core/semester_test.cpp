// The allowance engine and semester bills, on the shipped tariff.
#include <catch2/catch.hpp>

#include "core/semester.hpp"
#include "core/usage_ledger.hpp"
#include "input/csv.hpp"
#include "input/tariff_source.hpp"
#include "input/usage.hpp"
#include "support.hpp"

using namespace citfee;
using citfee::test::shipped;

namespace {

Entity comune(std::string id, std::int64_t population, EntityType type = EntityType::kComune) {
  Entity e;
  e.id = std::move(id);
  e.name = "Ente " + e.id;
  e.type = type;
  if (carries_population(type)) e.population = population;
  return e;
}

const ServiceCharge* line_for(const SemesterBill& bill, const std::string& key) {
  for (const auto& c : bill.lines) {
    if (c.service->key == key) return &c;
  }
  return nullptr;
}

Period P(const char* text) {
  return Period::parse(text);
}

}  // namespace

TEST_CASE("Telemaco allowance is used up in time order within the year") {
  const Tariff& t = shipped();
  Entity e = comune("017001", 3000);
  UsageLedger ledger;
  ledger.add(e.id, P("2026-H1"), "telemaco", 200, std::nullopt);
  ledger.add(e.id, P("2026-H2"), "telemaco", 150, std::nullopt);

  SemesterBill july = semester_bill(t, ledger, e, P("2026-H1"));
  REQUIRE(line_for(july, "telemaco"));
  CHECK(line_for(july, "telemaco")->free == 200);
  CHECK(line_for(july, "telemaco")->billable == 0);
  CHECK(july.total == Money());
  CHECK(july.due.iso() == "2026-07-31");

  SemesterBill january = semester_bill(t, ledger, e, P("2026-H2"));
  const ServiceCharge* c = line_for(january, "telemaco");
  REQUIRE(c);
  CHECK(c->allowance.allowance == 270);
  CHECK(c->allowance.used_before == 200);
  CHECK(c->allowance.left == 70);
  CHECK(c->free == 70);
  CHECK(c->billable == 80);
  CHECK(c->amount == Money::parse("56.00"));
  CHECK(january.due.iso() == "2027-01-31");

  SECTION("a new year restores the allowance") {
    ledger.add(e.id, P("2027-H1"), "telemaco", 270, std::nullopt);
    SemesterBill next = semester_bill(t, ledger, e, P("2027-H1"));
    CHECK(line_for(next, "telemaco")->free == 270);
    CHECK(next.total == Money());
  }
}

TEST_CASE("PEC boxes count against one allowance for the whole convention") {
  const Tariff& t = shipped();
  Entity e = comune("017002", 7114);
  UsageLedger ledger;
  ledger.add(e.id, P("2026-H1"), "pec", 2, std::nullopt);
  ledger.add(e.id, P("2026-H2"), "pec", 1, std::nullopt);
  ledger.add(e.id, P("2027-H2"), "pec", 3, std::nullopt);
  SemesterBill bill = semester_bill(t, ledger, e, P("2027-H2"));
  const ServiceCharge* c = line_for(bill, "pec");
  REQUIRE(c);
  CHECK(c->allowance.earlier.size() == 3);  // 2026-H1, 2026-H2, 2027-H1
  CHECK(c->allowance.used_before == 3);
  CHECK(c->free == 1);
  CHECK(c->billable == 2);
  CHECK(c->amount == Money::parse("40.00"));
}

TEST_CASE("usage of the previous convention consumes nothing") {
  const Tariff& t = shipped();
  std::vector<Entity> entities = {comune("017002", 7114)};
  std::vector<UsageRecord> records = {
      {"017002", P("2025-H2"), "pec", 4, std::nullopt, {"u.csv", 2, 0}},
      {"017002", P("2026-H1"), "pec", 4, std::nullopt, {"u.csv", 3, 0}},
  };
  Diagnostics diag;
  LedgerNotes notes;
  UsageLedger ledger = build_ledger(records, entities, t, P("2026-H1"), diag, notes);
  CHECK(diag.ok());
  CHECK(notes.lines_before_convention["u.csv"].size() == 1);
  SemesterBill bill = semester_bill(t, ledger, entities[0], P("2026-H1"));
  CHECK(line_for(bill, "pec")->free == 4);
  CHECK(bill.total == Money());
}

TEST_CASE("usage after the period billed is ignored") {
  const Tariff& t = shipped();
  std::vector<Entity> entities = {comune("017002", 7114)};
  std::vector<UsageRecord> records = {
      {"017002", P("2026-H1"), "firme", 1, std::nullopt, {"u.csv", 2, 0}},
      {"017002", P("2026-H2"), "firme", 9, std::nullopt, {"u.csv", 3, 0}},
  };
  Diagnostics diag;
  LedgerNotes notes;
  UsageLedger ledger = build_ledger(records, entities, t, P("2026-H1"), diag, notes);
  CHECK(notes.rows_after_period == 1);
  CHECK(ledger.quantity("017002", P("2026-H2"), "firme") == 0);
}

TEST_CASE(
    "entities that are not Comuni get 520 Telemaco consultations; the capoluogo follows its "
    "population") {
  const Tariff& t = shipped();
  const Service& telemaco = *t.find_service("telemaco");
  for (EntityType type : {EntityType::kComunitaMontana, EntityType::kUnioneComuni,
                          EntityType::kAziendaSpeciale, EntityType::kAltroEnte}) {
    CHECK(allowance_for(telemaco.allowance, comune("X", 0, type)) == 520);
  }
  CHECK(allowance_for(telemaco.allowance, comune("017029", 196670, EntityType::kCapoluogo)) ==
        1000);
  CHECK(allowance_for(telemaco.allowance, comune("C", 4000, EntityType::kCapoluogo)) == 270);
  CHECK(allowance_for(telemaco.allowance, comune("A", 5000)) == 270);
  CHECK(allowance_for(telemaco.allowance, comune("A", 5001)) == 520);
  CHECK(allowance_for(telemaco.allowance, comune("A", 10000)) == 520);
  CHECK(allowance_for(telemaco.allowance, comune("A", 10001)) == 870);
  CHECK(allowance_for(telemaco.allowance, comune("A", 15000)) == 870);
  CHECK(allowance_for(telemaco.allowance, comune("A", 15001)) == 1000);

  Entity cm = comune("CM01", 0, EntityType::kComunitaMontana);
  UsageLedger ledger;
  ledger.add(cm.id, P("2026-H1"), "telemaco", 600, std::nullopt);
  SemesterBill bill = semester_bill(t, ledger, cm, P("2026-H1"));
  CHECK(line_for(bill, "telemaco")->billable == 80);
  CHECK(bill.total == Money::parse("56.00"));
}

TEST_CASE("paid training takes its price from each usage row") {
  const Tariff& t = shipped();
  Entity e = comune("017001", 1579);
  UsageLedger ledger;
  ledger.add(e.id, P("2026-H2"), "formazione", 2, Money::parse("45.00"));
  ledger.add(e.id, P("2026-H2"), "formazione", 3, Money::parse("30.50"));
  ledger.add(e.id, P("2026-H2"), "formazione", 1, Money::parse("45.00"));
  SemesterBill bill = semester_bill(t, ledger, e, P("2026-H2"));
  REQUIRE(bill.lines.size() == 2);
  CHECK(bill.lines[0].quantity == 3);
  CHECK(bill.lines[0].free == 0);
  CHECK(bill.lines[0].amount == Money::parse("135.00"));
  CHECK(bill.lines[1].quantity == 3);
  CHECK(bill.lines[1].amount == Money::parse("91.50"));
  CHECK(bill.total == Money::parse("226.50"));
}

TEST_CASE(
    "every billed amount is billable units times the price, and free units never exceed the "
    "allowance") {
  // A property over many ledgers: whatever the quantities, the free units
  // given over a scope add up to at most the allowance, and exactly to the
  // smaller of the allowance and the units used.
  const Tariff& t = shipped();
  Entity e = comune("017001", 3000);
  std::uint32_t seed = 12345;
  auto next = [&seed] {
    seed = seed * 1103515245u + 12345u;
    return static_cast<std::int64_t>((seed >> 16) % 200);
  };
  for (int round = 0; round < 500; ++round) {
    UsageLedger ledger;
    std::vector<std::int64_t> used;
    for (Period p = P("2026-H1"); p <= P("2028-H2"); p = p.next()) {
      std::int64_t q = next() % 3 == 0 ? 0 : next();
      used.push_back(q);
      if (q) ledger.add(e.id, p, "telemaco", q, std::nullopt);
      if (q) ledger.add(e.id, p, "pec", q % 4, std::nullopt);
    }
    std::int64_t pec_free = 0;
    std::int64_t pec_used = 0;
    std::size_t i = 0;
    std::int64_t year_free = 0;
    std::int64_t year_used = 0;
    for (Period p = P("2026-H1"); p <= P("2028-H2"); p = p.next(), ++i) {
      if (p.half == Half::H1) year_free = year_used = 0;
      SemesterBill bill = semester_bill(t, ledger, e, p);
      if (const ServiceCharge* c = line_for(bill, "telemaco")) {
        CHECK(c->free + c->billable == used[i]);
        CHECK(c->amount == Money::parse("0.70").times(c->billable));
        year_free += c->free;
      }
      year_used += used[i];
      CHECK(year_free == std::min<std::int64_t>(270, year_used));
      if (const ServiceCharge* c = line_for(bill, "pec")) {
        pec_free += c->free;
        CHECK(c->amount == Money::parse("20").times(c->billable));
      }
      pec_used += ledger.quantity(e.id, p, "pec");
      CHECK(pec_free == std::min<std::int64_t>(4, pec_used));
    }
  }
}

TEST_CASE("wide and long layouts give the same ledger; long rows add up") {
  const Tariff& t = shipped();
  std::vector<Entity> entities = {comune("017001", 1579), comune("017002", 7114)};
  const std::string wide =
      "id,period,firme,rinnovi,pec,telemaco\n"
      "017001,2026-H1,2,,3,200\n"
      "017002,2026-H1,,1,,600\n";
  const std::string long_layout =
      "id;period;service;quantity;unit_price\n"
      "017001;2026-H1;firme;1;\n"
      "017001;2026-H1;telemaco;150;\n"
      "017001;2026-H1;firme;1;\n"
      "017001;2026-H1;pec;3;\n"
      "017001;2026-H1;telemaco;50;\n"
      "017002;2026-H1;rinnovi;1;\n"
      "017002;2026-H1;TELEMACO;600;\n";
  auto bills = [&](const std::string& text) {
    Diagnostics diag;
    WideRowIndex index;
    CsvTable table = parse_csv(text, "u.csv", diag);
    auto records = read_usage(table, t, index, diag);
    LedgerNotes notes;
    UsageLedger ledger = build_ledger(records, entities, t, P("2026-H1"), diag, notes);
    REQUIRE(diag.ok());
    std::vector<std::string> out;
    for (const Entity& e : entities) {
      SemesterBill b = semester_bill(t, ledger, e, P("2026-H1"));
      for (const auto& c : b.lines) {
        out.push_back(e.id + " " + c.service->key + " " + std::to_string(c.quantity) + " " +
                      std::to_string(c.free) + " " + c.amount.to_fixed(2));
      }
    }
    return out;
  };
  std::vector<std::string> from_wide = bills(wide);
  CHECK(from_wide == bills(long_layout));
  CHECK(from_wide == std::vector<std::string>{"017001 firme 2 2 0.00", "017001 pec 3 3 0.00",
                                              "017001 telemaco 200 200 0.00",
                                              "017002 rinnovi 1 1 0.00",
                                              "017002 telemaco 600 520 56.00"});
}

TEST_CASE("usage files are checked against the entities and the tariff") {
  const Tariff& t = shipped();
  std::vector<Entity> entities = {comune("017001", 1579)};
  auto problems = [&](const std::string& text) {
    Diagnostics diag;
    WideRowIndex index;
    CsvTable table = parse_csv(text, "u.csv", diag);
    auto records = read_usage(table, t, index, diag);
    LedgerNotes notes;
    build_ledger(records, entities, t, std::nullopt, diag, notes);
    std::vector<std::string> out;
    for (const auto& d : diag.errors) out.push_back(d.str());
    return out;
  };
  using Catch::Matchers::Contains;
  auto one = [&](const std::string& text, const std::string& where, const std::string& what) {
    auto p = problems(text);
    REQUIRE(p.size() == 1);
    CHECK_THAT(p[0], Contains(where));
    CHECK_THAT(p[0], Contains(what));
  };
  one("id,period,telemaco\n999,2026-H1,5\n", "u.csv:2", "not in the entities file");
  one("id,period,telemaco\n017001,2026-H3,5\n", "u.csv:2:2", "not a semester");
  one("id,period,telemaco\n017001,2026-H1,-5\n", "u.csv:2:3", "negative");
  one("id,period,telemaco\n017001,2026-H1,2.5\n", "u.csv:2:3", "not a whole number");
  one("id,period,telemacco\n017001,2026-H1,5\n", "u.csv:1:3", "telemacco");
  one("id,period,formazione\n017001,2026-H1,5\n", "u.csv:1:3", "priced per event");
  one("id,period,pec\n017001,2026-H1,1\n017001,2026-H1,2\n", "u.csv:3", "second row");
  one("id,period,service,quantity,unit_price\n017001,2026-H1,pec,1,20.00\n", "u.csv:2",
      "leave unit_price empty");
  one("id,period,service,quantity\n017001,2026-H1,formazione,1\n", "u.csv:2",
      "give its unit_price");
  one("id,period,service,quantity\n017001,2026-H1,pex,1\n", "u.csv:2", "not in the tariff");
  one("id,period,service,quantity,costo\n017001,2026-H1,pec,1,3\n", "u.csv:1:5", "costo");
  // The office's Italian names are the same columns: prezzo is unit_price.
  one("codice,periodo,servizio,quantita,prezzo\n017001,2026-H1,pec,1,3\n", "u.csv:2",
      "leave unit_price empty");
  CHECK(problems("id,period,service,quantity,unit_price\n017001,2026-H1,formazione,2,\"12,50\"\n")
            .size() == 1);
  CHECK(problems("id;period;service;quantity;unit_price\n017001;2026-H1;formazione;2;12,50\n")
            .empty());
}

TEST_CASE("an unknown id names the entity whose leading zero was lost") {
  using ledger_rules::lost_zero_forms;
  CHECK(lost_zero_forms("017001") == std::vector<std::string>{"17001"});
  CHECK(lost_zero_forms("17001") == std::vector<std::string>{"017001"});
  CHECK(lost_zero_forms("0017001") == std::vector<std::string>{"17001"});
  CHECK(lost_zero_forms("001234") == std::vector<std::string>{"1234"});
  CHECK(lost_zero_forms("1234") == std::vector<std::string>{"001234"});
  CHECK(lost_zero_forms("CM01").empty());
  CHECK(lost_zero_forms("000").empty());
  CHECK(lost_zero_forms("").empty());
  using Catch::Matchers::Contains;
  auto known = [](std::string_view id) { return id == "17001"; };
  CHECK_THAT(ledger_rules::unknown_id("017001", known),
             Contains("which has \"17001\": a leading zero was lost"));
  CHECK_THAT(ledger_rules::unknown_id("017002", known),
             Contains("is not in the entities file: add the entity"));
}
