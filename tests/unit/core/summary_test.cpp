// The sums of the Director's summary, on bills and fees made by hand.
#include <catch2/catch.hpp>

#include <random>

#include "core/summary.hpp"
#include "support.hpp"

using namespace citfee;
using citfee::test::shipped;

namespace {

Entity body(std::string id, EntityType type, std::optional<std::int64_t> population) {
  Entity e;
  e.id = std::move(id);
  e.name = "Ente " + e.id;
  e.type = type;
  e.population = population;
  return e;
}

SemesterBill bill(const Entity& e, Period period, std::vector<ServiceCharge> lines) {
  SemesterBill b;
  b.entity = &e;
  b.period = period;
  b.lines = std::move(lines);
  for (const ServiceCharge& c : b.lines) b.total += c.amount;
  return b;
}

ServiceCharge charge(const Tariff& t, const char* key, std::int64_t quantity, std::int64_t free,
                     Money amount) {
  ServiceCharge c;
  c.service = t.find_service(key);
  REQUIRE(c.service);
  c.quantity = quantity;
  c.free = free;
  c.billable = quantity - free;
  c.amount = amount;
  return c;
}

}  // namespace

TEST_CASE("annual fees add up by band, flat fee and type") {
  const Tariff& t = shipped();
  const std::vector<Entity> bodies{
      body("A", EntityType::kComune, 2550),     body("B", EntityType::kComune, 5001),
      body("C", EntityType::kComune, 4999),     body("D", EntityType::kCapoluogo, 196670),
      body("E", EntityType::kUnioneComuni, {}),
  };
  std::vector<AnnualFee> fees;
  for (const Entity& e : bodies) fees.push_back(annual_fee(t, Method::kFlat, e, 2027));
  std::vector<AnnualFee> marginal;
  for (const Entity& e : bodies) marginal.push_back(annual_fee(t, Method::kMarginal, e, 2027));
  const AnnualSummary s = summarize_annual(fees, t.annual.bands.size(), &marginal);
  REQUIRE(s.by_band.size() == 4);
  // 2,550 x 0.19 = 484.50 -> 485; 4,999 x 0.19 = 949.81 -> 950.
  CHECK(s.by_band[0].bodies == 2);
  CHECK(s.by_band[0].residents == 7549);
  CHECK(s.by_band[0].total == Money::from_euros(1435));
  CHECK(s.by_band[0].compare_total == Money::from_euros(1435));
  // 5,001 x 0.175 = 875.175 -> 875; marginal 950 + 0.175 -> 950.
  CHECK(s.by_band[1].bodies == 1);
  CHECK(s.by_band[1].total == Money::from_euros(875));
  CHECK(s.by_band[1].compare_total == Money::from_euros(950));
  CHECK(s.by_band[2].bodies == 0);
  CHECK(s.by_band[3].total.is_zero());
  // The capoluogo and the Unione pay the flat 300.
  CHECK(s.flat.bodies == 2);
  CHECK(s.flat.residents == 196670);
  CHECK(s.flat.total == Money::from_euros(600));
  REQUIRE(s.by_type.size() == 3);
  CHECK(s.by_type[0].first == EntityType::kComune);
  CHECK(s.by_type[0].second.bodies == 3);
  CHECK(s.by_type[0].second.total == Money::from_euros(2310));
  CHECK(s.by_type[1].first == EntityType::kCapoluogo);
  CHECK(s.by_type[2].first == EntityType::kUnioneComuni);
  CHECK(s.all.bodies == 5);
  CHECK(s.all.total == Money::from_euros(2910));
  CHECK(s.all.compare_total == Money::from_euros(2985));
}

TEST_CASE("the totals of every grouping are the total of the fees") {
  const Tariff& t = shipped();
  std::mt19937_64 random(17);
  std::vector<Entity> bodies;
  for (int i = 0; i < 500; ++i) {
    const bool flat = random() % 10 == 0;
    bodies.push_back(
        body(std::to_string(i), flat ? EntityType::kComunitaMontana : EntityType::kComune,
             flat ? std::nullopt : std::optional<std::int64_t>(1 + random() % 300000)));
  }
  std::vector<AnnualFee> fees;
  Money expected;
  std::int64_t residents = 0;
  for (const Entity& e : bodies) {
    fees.push_back(annual_fee(t, Method::kFlat, e, 2027));
    expected += fees.back().fee;
    residents += e.population.value_or(0);
  }
  const AnnualSummary s = summarize_annual(fees, t.annual.bands.size());
  Money by_band = s.flat.total;
  std::int64_t count = s.flat.bodies;
  for (const FeeTotals& b : s.by_band) {
    by_band += b.total;
    count += b.bodies;
  }
  Money by_type;
  for (const auto& [type, totals] : s.by_type) by_type += totals.total;
  CHECK(by_band == expected);
  CHECK(by_type == expected);
  CHECK(count == 500);
  CHECK(s.all.residents == residents);
  CHECK(s.all.compare_total.is_zero());
}

TEST_CASE("variable fees add up by semester and service, every service listed") {
  const Tariff& t = shipped();
  const Entity a = body("A", EntityType::kComune, 1000);
  const Entity b = body("B", EntityType::kComune, 2000);
  const Period h1{2026, Half::H1};
  const Period h2{2026, Half::H2};
  const std::vector<SemesterBill> bills{
      bill(a, h1, {charge(t, "telemaco", 300, 270, Money::from_cents(2100))}),
      bill(b, h1,
           {charge(t, "telemaco", 100, 100, Money()),
            charge(t, "pec", 5, 4, Money::from_euros(20))}),
      bill(a, h2, {charge(t, "firme", 4, 3, Money::from_euros(70))}),
      bill(b, h2, {}),
  };
  const std::vector<ServiceTotals> rows = summarize_services(bills, t, {h1, h2});
  REQUIRE(rows.size() == 2 * t.services.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    CHECK(rows[i].period == (i < t.services.size() ? h1 : h2));
    CHECK(rows[i].service == &t.services[i % t.services.size()]);
  }
  auto row = [&](Period p, const char* key) {
    for (const ServiceTotals& r : rows) {
      if (r.period == p && r.service->key == key) return r;
    }
    FAIL("no row");
    return ServiceTotals{};
  };
  CHECK(row(h1, "telemaco").quantity == 400);
  CHECK(row(h1, "telemaco").free == 370);
  CHECK(row(h1, "telemaco").billable == 30);
  CHECK(row(h1, "telemaco").amount == Money::from_cents(2100));
  CHECK(row(h1, "pec").amount == Money::from_euros(20));
  CHECK(row(h1, "firme").quantity == 0);
  CHECK(row(h2, "firme").amount == Money::from_euros(70));
  CHECK(row(h2, "telemaco").quantity == 0);

  // A: 21 + 70 = 91; B: 20; the largest first, at most the limit.
  const std::vector<EntityTotal> top = top_entities(bills, 10);
  REQUIRE(top.size() == 2);
  CHECK(top[0].entity == &a);
  CHECK(top[0].amount == Money::from_euros(91));
  CHECK(top[1].entity == &b);
  CHECK(top_entities(bills, 1).size() == 1);
}

TEST_CASE("the top bodies leave out those that owe nothing and keep ties in order") {
  const Tariff& t = shipped();
  const Entity a = body("A", EntityType::kComune, 1000);
  const Entity b = body("B", EntityType::kComune, 1000);
  const Entity c = body("C", EntityType::kComune, 1000);
  const Period h1{2026, Half::H1};
  const std::vector<SemesterBill> bills{
      bill(a, h1, {}),
      bill(b, h1, {charge(t, "pec", 5, 4, Money::from_euros(20))}),
      bill(c, h1, {charge(t, "pec", 5, 4, Money::from_euros(20))}),
  };
  const std::vector<EntityTotal> top = top_entities(bills, 10);
  REQUIRE(top.size() == 2);
  CHECK(top[0].entity == &b);
  CHECK(top[1].entity == &c);
}
