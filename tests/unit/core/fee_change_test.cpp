// Why a fee changed between two years: population, band, tariff, each alone.
#include <catch2/catch.hpp>

#include "core/annual.hpp"
#include "core/fee_change.hpp"
#include "support.hpp"

using namespace citfee;

namespace {

Entity comune(std::int64_t population) {
  Entity e;
  e.id = "017001";
  e.name = "Comune di Prova";
  e.type = EntityType::kComune;
  e.population = population;
  return e;
}

FeeChange change(const Tariff& before_tariff, std::int64_t before_population,
                 const Tariff& after_tariff, std::int64_t after_population) {
  const Entity before_entity = comune(before_population);
  const Entity after_entity = comune(after_population);
  const Method method = before_tariff.annual.method;
  const AnnualFee before = annual_fee(before_tariff, method, before_entity, 2026);
  const AnnualFee after = annual_fee(after_tariff, method, after_entity, 2027);
  return fee_change(before, before_tariff, after, after_tariff);
}

}  // namespace

TEST_CASE("nothing changed: no reason") {
  const Tariff& t = test::shipped();
  const FeeChange c = change(t, 7000, t, 7000);
  CHECK_FALSE(c.population);
  CHECK_FALSE(c.band);
  CHECK_FALSE(c.tariff);
}

TEST_CASE("more residents in the same band: population only") {
  const Tariff& t = test::shipped();
  const FeeChange c = change(t, 7000, t, 7100);
  CHECK(c.population);
  CHECK_FALSE(c.band);
  CHECK_FALSE(c.tariff);
}

TEST_CASE("crossing a band limit: band and population") {
  const Tariff& t = test::shipped();
  const FeeChange c = change(t, 5000, t, 5010);
  CHECK(c.population);
  CHECK(c.band);
  CHECK_FALSE(c.tariff);
}

TEST_CASE("a revised coefficient: tariff only") {
  const Tariff& t = test::shipped();
  Tariff revised = t;
  for (Band& band : revised.annual.bands)
    band.coefficient = band.coefficient + Money::from_cents(1);
  const FeeChange c = change(t, 7000, revised, 7000);
  CHECK_FALSE(c.population);
  CHECK_FALSE(c.band);
  CHECK(c.tariff);
}
