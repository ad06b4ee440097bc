// The annual fee under the shipped tariff and under the 2021 test tariff;
// choosing the tariff in force for a year.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "core/annual.hpp"
#include "input/read_file.hpp"
#include "input/tariff_source.hpp"
#include "input/tariff_toml.hpp"
#include "support.hpp"

using namespace citfee;
using Catch::Matchers::Contains;
using citfee::test::diagnostics_text;

namespace {

const std::string kTestData = CITFEE_TEST_DATA;
const std::string kShippedFile = kTestData + "/../../data/tariffs/cit-2026.toml";

// The shipped tariff, built into the binary.
const Tariff& builtin() {
  static const std::vector<Tariff> tariffs = [] {
    Diagnostics diag;
    auto t = load_tariffs("", diag);
    INFO(diagnostics_text(diag));
    REQUIRE(diag.ok());
    REQUIRE(t.size() == 1);
    return t;
  }();
  return tariffs.front();
}

// The same tariff, parsed from data/tariffs/cit-2026.toml.
const Tariff& from_file() {
  static const Tariff tariff = [] {
    Diagnostics diag;
    auto t = parse_tariff(read_input(kShippedFile), kShippedFile, diag);
    INFO(diagnostics_text(diag));
    REQUIRE(t);
    return *t;
  }();
  return tariff;
}

const Tariff& test_2021() {
  static const Tariff tariff = [] {
    Diagnostics diag;
    auto t = load_tariffs(kTestData + "/cit-2021.toml", diag);
    INFO(diagnostics_text(diag));
    REQUIRE(diag.ok());
    REQUIRE(t.size() == 1);
    return t.front();
  }();
  return tariff;
}

Entity entity(EntityType type, std::optional<std::int64_t> population, std::string id = "E1") {
  Entity e;
  e.id = std::move(id);
  e.name = "Ente " + e.id;
  e.type = type;
  e.population = population;
  e.where = {"enti.csv", 7, 0};
  return e;
}

Entity comune(std::int64_t population) {
  return entity(EntityType::kComune, population);
}

Money M(const char* text) {
  return Money::parse(text);
}

struct Case {
  std::int64_t population;
  const char* flat_computed;  // whole population at its band's coefficient
  const char* flat_fee;
  const char* marginal_computed;  // each slice at its own coefficient
  const char* marginal_fee;
};

// Figures worked out by hand from the schedule (0.19 / 0.175 / 0.145 / 0.14
// at 5,000 / 10,000 / 15,000).
const Case kCases[] = {
    // The floating-point traps: exact halves that a double rounds down.
    {2550, "484.5", "485", "484.5", "485"},
    {5020, "878.5", "879", "953.5", "954"},       // 950 + 20 x 0.175
    {10100, "1464.5", "1465", "1839.5", "1840"},  // 950 + 875 + 100 x 0.145
    {15025, "2103.5", "2104", "2553.5", "2554"},  // 950 + 875 + 725 + 25 x 0.14
    // Band edges.
    {1, "0.19", "0", "0.19", "0"},
    {3, "0.57", "1", "0.57", "1"},
    {5000, "950", "950", "950", "950"},
    {5001, "875.175", "875", "950.175", "950"},
    {10000, "1750", "1750", "1825", "1825"},
    {10001, "1450.145", "1450", "1825.145", "1825"},
    {15000, "2175", "2175", "2550", "2550"},
    {15001, "2100.14", "2100", "2550.14", "2550"},
    {1579, "300.01", "300", "300.01", "300"},
    {7114, "1244.95", "1245", "1319.95", "1320"},  // 950 + 2114 x 0.175 = 1319.95
};

void check_cases(const Tariff& t) {
  for (const Case& c : kCases) {
    INFO("population " << c.population);
    Entity e = comune(c.population);
    AnnualFee flat = annual_fee(t, Method::kFlat, e, 2026);
    CHECK(flat.computed == M(c.flat_computed));
    CHECK(flat.fee == M(c.flat_fee));
    CHECK(flat.flat == nullptr);
    CHECK(flat.method == Method::kFlat);
    AnnualFee marginal = annual_fee(t, Method::kMarginal, e, 2026);
    CHECK(marginal.computed == M(c.marginal_computed));
    CHECK(marginal.fee == M(c.marginal_fee));
    CHECK(marginal.method == Method::kMarginal);
    CHECK(banded_amount(t.annual.bands, Method::kFlat, c.population) == M(c.flat_computed));
    CHECK(banded_amount(t.annual.bands, Method::kMarginal, c.population) == M(c.marginal_computed));
  }
}

}  // namespace

TEST_CASE("the shipped tariff loads, built in and from its file, with the schedule's figures",
          "[annual]") {
  for (const Tariff* t : {&builtin(), &from_file()}) {
    INFO("source " << t->source);
    CHECK(t->id == "cit-2026");
    CHECK(t->first_year == 2026);
    CHECK(t->convention_start == 2026);
    CHECK(t->annual.method == Method::kFlat);
    CHECK(t->annual.rounding_unit == Money::from_euros(1));
    REQUIRE(t->annual.bands.size() == 4);
    CHECK(t->annual.bands[0].up_to == 5000);
    CHECK(t->annual.bands[1].up_to == 10000);
    CHECK(t->annual.bands[2].up_to == 15000);
    CHECK_FALSE(t->annual.bands[3].up_to);
    CHECK(t->annual.bands[0].coefficient == M("0.19"));
    CHECK(t->annual.bands[1].coefficient == M("0.175"));
    CHECK(t->annual.bands[2].coefficient == M("0.145"));
    CHECK(t->annual.bands[3].coefficient == M("0.14"));
    REQUIRE(t->annual.flat_fees.size() == 1);
    CHECK(t->annual.flat_fees[0].amount == M("300"));
    CHECK(t->annual.due.month == 3);
    CHECK(t->annual.due.day == 31);
    CHECK(validate(*t).empty());
  }
}

TEST_CASE("annual fees with the shipped tariff, built in: exact, both methods", "[annual]") {
  check_cases(builtin());
}

TEST_CASE("annual fees with the shipped tariff, parsed from data/tariffs/cit-2026.toml",
          "[annual]") {
  check_cases(from_file());
}

TEST_CASE("the tariff's own method is flat: 5,001 residents pay 875", "[annual]") {
  const Tariff& t = builtin();
  AnnualFee fee = annual_fee(t, t.annual.method, comune(5001), 2026);
  CHECK(fee.fee == Money::from_euros(875));
  REQUIRE(fee.band);
  CHECK(*fee.band == 1);
  CHECK(band_label(t.annual.bands, *fee.band) == "5001-10000");
}

TEST_CASE("the band of a population and its label", "[annual]") {
  const auto& bands = builtin().annual.bands;
  CHECK(band_index(bands, 1) == 0);
  CHECK(band_index(bands, 5000) == 0);
  CHECK(band_index(bands, 5001) == 1);
  CHECK(band_index(bands, 10000) == 1);
  CHECK(band_index(bands, 10001) == 2);
  CHECK(band_index(bands, 15000) == 2);
  CHECK(band_index(bands, 15001) == 3);
  CHECK(band_index(bands, kMaxPopulation) == 3);
  CHECK(band_label(bands, 0) == "0-5000");
  CHECK(band_label(bands, 1) == "5001-10000");
  CHECK(band_label(bands, 2) == "10001-15000");
  CHECK(band_label(bands, 3) == ">15000");
  AnnualFee fee = annual_fee(builtin(), Method::kFlat, comune(15001), 2026);
  REQUIRE(fee.band);
  CHECK(*fee.band == 3);
}

TEST_CASE("a flat 300 for the capoluogo, Comunità Montane, Unioni and Aziende Speciali",
          "[annual]") {
  const Tariff& t = builtin();
  struct Flat {
    EntityType type;
    std::optional<std::int64_t> population;
  };
  for (Flat f :
       {Flat{EntityType::kCapoluogo, 196670}, Flat{EntityType::kCapoluogo, 4000},
        Flat{EntityType::kComunitaMontana, std::nullopt}, Flat{EntityType::kComunitaMontana, 90000},
        Flat{EntityType::kUnioneComuni, std::nullopt},
        Flat{EntityType::kAziendaSpeciale, std::nullopt}}) {
    for (Method method : {Method::kFlat, Method::kMarginal}) {
      INFO(type_key(f.type) << " population " << f.population.value_or(-1) << " "
                            << method_key(method));
      Entity e = entity(f.type, f.population);
      AnnualFee fee = annual_fee(t, method, e, 2026);
      CHECK(fee.fee == Money::from_euros(300));
      CHECK(fee.computed == Money::from_euros(300));
      CHECK(fee.flat != nullptr);
      CHECK_FALSE(fee.band);
      CHECK(fee.entity == &e);
      CHECK(fee.due == Date{2026, 3, 31});
    }
  }
}

TEST_CASE("the shipped tariff sets no fee for altro_ente: a clear kBadData error", "[annual]") {
  const Tariff& t = builtin();
  Entity e = entity(EntityType::kAltroEnte, std::nullopt, "AL01");
  e.name = "Consorzio di Prova";
  for (Method method : {Method::kFlat, Method::kMarginal}) {
    try {
      annual_fee(t, method, e, 2026);
      FAIL("no error for altro_ente");
    } catch (const Error& err) {
      CHECK(err.failure() == Failure::kBadData);
      CHECK_THAT(err.what(), Contains("AL01"));
      CHECK_THAT(err.what(), Contains("Consorzio di Prova"));
      CHECK_THAT(err.what(), Contains("altro_ente"));
      CHECK_THAT(err.what(), Contains("enti.csv:7"));
    }
  }
  // Even with a population, altro_ente is not billed by the bands.
  Entity with_population = entity(EntityType::kAltroEnte, 1000);
  CHECK_THROWS_AS(annual_fee(t, Method::kFlat, with_population, 2026), Error);
}

TEST_CASE("a Comune with no population is a kBadData error", "[annual]") {
  Entity e = entity(EntityType::kComune, std::nullopt, "017001");
  try {
    annual_fee(builtin(), Method::kFlat, e, 2026);
    FAIL("no error for a Comune without population");
  } catch (const Error& err) {
    CHECK(err.failure() == Failure::kBadData);
    CHECK_THAT(err.what(), Contains("017001"));
  }
}

TEST_CASE("the annual fee is due on 31 March of the year billed", "[annual]") {
  const Tariff& t = builtin();
  for (int year : {2026, 2027, 2028, 2036}) {
    AnnualFee fee = annual_fee(t, Method::kFlat, comune(2550), year);
    CHECK(fee.year == year);
    CHECK(fee.due == Date{year, 3, 31});
    CHECK(fee.due.iso() == std::to_string(year) + "-03-31");
    CHECK(annual_due_date(t, year) == Date{year, 3, 31});
  }
}

TEST_CASE("the 2021 test tariff: its structure loads", "[annual][tariff2021]") {
  const Tariff& t = test_2021();
  CHECK(t.id == "cit-2021");
  CHECK(t.first_year == 2021);
  CHECK(t.annual.method == Method::kMarginal);
  REQUIRE(t.annual.bands.size() == 4);
  // `coefficient = 0.2` is a float literal: read from its text, exactly.
  CHECK(t.annual.bands[0].coefficient == M("0.2"));
  CHECK(t.annual.bands[0].coefficient.micros() == 200'000);
  CHECK(t.annual.bands[3].coefficient == M("0.145"));
  REQUIRE(t.annual.flat_fees.size() == 2);
  CHECK(t.annual.flat_fees[1].min_population == 40001);
  CHECK(t.annual.flat_fees[1].amount == M("300"));  // `amount = 300`, an integer
  REQUIRE(t.find_service("conservazione"));
  REQUIRE(t.find_service("telemaco"));
  CHECK(t.find_service("formazione") == nullptr);
}

TEST_CASE("the 2021 test tariff: flat 300 for Comuni over 40,000 and for altro_ente",
          "[annual][tariff2021]") {
  const Tariff& t = test_2021();
  AnnualFee big = annual_fee(t, t.annual.method, comune(40001), 2021);
  CHECK(big.fee == Money::from_euros(300));
  CHECK(big.flat != nullptr);
  CHECK_FALSE(big.band);

  AnnualFee edge = annual_fee(t, t.annual.method, comune(40000), 2021);
  CHECK(edge.flat == nullptr);
  REQUIRE(edge.band);
  CHECK(*edge.band == 3);
  // Marginal: 5000 x 0.2 + 5000 x 0.18 + 5000 x 0.15 + 25000 x 0.145.
  CHECK(edge.computed == Money::from_euros(1000 + 900 + 750 + 3625));
  CHECK(edge.fee == Money::from_euros(6275));
  // Flat reading of the same population: 40000 x 0.145.
  CHECK(annual_fee(t, Method::kFlat, comune(40000), 2021).fee == Money::from_euros(5800));

  for (EntityType type : {EntityType::kAltroEnte, EntityType::kCapoluogo,
                          EntityType::kComunitaMontana, EntityType::kUnioneComuni}) {
    INFO(type_key(type));
    Entity e = entity(
        type, type == EntityType::kCapoluogo ? std::optional<std::int64_t>(190000) : std::nullopt);
    AnnualFee fee = annual_fee(t, t.annual.method, e, 2023);
    CHECK(fee.fee == Money::from_euros(300));
    CHECK(fee.due == Date{2023, 3, 31});
  }
  // No rule for an Azienda Speciale in this structure.
  Entity as = entity(EntityType::kAziendaSpeciale, std::nullopt);
  CHECK_THROWS_AS(annual_fee(t, t.annual.method, as, 2021), Error);
}

TEST_CASE("the 2021 test tariff: allowances by population and by type", "[annual][tariff2021]") {
  const Tariff& t = test_2021();
  const Service& telemaco = *t.find_service("telemaco");
  CHECK(allowance_for(telemaco.allowance, comune(1)) == 170);
  CHECK(allowance_for(telemaco.allowance, comune(3000)) == 170);
  CHECK(allowance_for(telemaco.allowance, comune(3001)) == 270);
  CHECK(allowance_for(telemaco.allowance, comune(5000)) == 270);
  CHECK(allowance_for(telemaco.allowance, comune(5001)) == 520);
  CHECK(allowance_for(telemaco.allowance, comune(15001)) == 1000);
  CHECK(allowance_for(telemaco.allowance, entity(EntityType::kComunitaMontana, std::nullopt)) ==
        520);
  CHECK(allowance_for(telemaco.allowance, entity(EntityType::kAltroEnte, std::nullopt)) == 520);
  CHECK(allowance_for(telemaco.allowance, entity(EntityType::kCapoluogo, 190000)) == 1000);

  const Service& conservazione = *t.find_service("conservazione");
  CHECK(allowance_for(conservazione.allowance, comune(3000)) == 5);
  CHECK(allowance_for(conservazione.allowance, comune(3001)) == 10);
  CHECK(allowance_for(conservazione.allowance, comune(10001)) == 20);
  CHECK(allowance_for(conservazione.allowance,
                      entity(EntityType::kComunitaMontana, std::nullopt)) == 10);
  CHECK(allowance_for(conservazione.allowance, entity(EntityType::kUnioneComuni, std::nullopt)) ==
        10);
  CHECK(allowance_for(conservazione.allowance,
                      entity(EntityType::kAziendaSpeciale, std::nullopt)) == 0);
  // by_type comes before by_population: a Comunità Montana with a population.
  CHECK(allowance_for(conservazione.allowance, entity(EntityType::kComunitaMontana, 2000)) == 10);

  const Service& pec = *t.find_service("pec");
  CHECK(allowance_for(pec.allowance, comune(3000)) == 3);
  CHECK(pec.scope == AllowanceScope::kConvention);
  CHECK(pec.unit_price == M("15"));
}

TEST_CASE("tariff_in_force picks the newest tariff whose first year is not after the year",
          "[annual]") {
  const std::vector<Tariff> in_order = {test_2021(), builtin()};
  const std::vector<Tariff> reversed = {builtin(), test_2021()};
  for (const auto* tariffs : {&in_order, &reversed}) {
    for (int year = 2021; year <= 2025; ++year) {
      INFO(year);
      const Tariff* t = tariff_in_force(*tariffs, year);
      REQUIRE(t);
      CHECK(t->id == "cit-2021");
      CHECK(&select_tariff(*tariffs, year) == t);
    }
    for (int year = 2026; year <= 2040; ++year) {
      INFO(year);
      const Tariff* t = tariff_in_force(*tariffs, year);
      REQUIRE(t);
      CHECK(t->id == "cit-2026");
    }
    CHECK(tariff_in_force(*tariffs, 2020) == nullptr);
    CHECK(tariff_in_force(*tariffs, 1900) == nullptr);
    try {
      select_tariff(*tariffs, 2020);
      FAIL("no error for 2020");
    } catch (const Error& err) {
      CHECK(err.failure() == Failure::kBadData);
      CHECK_THAT(err.what(), Contains("2020"));
      CHECK_THAT(err.what(), Contains("2021"));
    }
  }
  CHECK(tariff_in_force({}, 2026) == nullptr);
  CHECK_THROWS_AS(select_tariff({}, 2026), Error);
}

TEST_CASE("load_tariffs reads a file or a directory; a missing path is kNoInput", "[annual]") {
  {
    Diagnostics diag;
    auto tariffs = load_tariffs(kTestData, diag);  // tests/data holds cit-2021.toml only
    CHECK(diag.ok());
    REQUIRE(tariffs.size() == 1);
    CHECK(tariffs[0].id == "cit-2021");
  }
  try {
    Diagnostics diag;
    load_tariffs(kTestData + "/no-such-tariff.toml", diag);
    FAIL("no error for a missing tariff file");
  } catch (const Error& err) {
    CHECK(err.failure() == Failure::kNoInput);
  }
}

TEST_CASE("two tariffs with the same first year are ambiguous", "[annual]") {
  namespace fs = std::filesystem;
  const fs::path dir =
      fs::temp_directory_path() / ("citfee-unit-tariffs-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string text = read_input(kShippedFile);
  for (const char* name : {"a.toml", "b.toml"}) {
    std::ofstream(dir / name, std::ios::binary) << text;
  }
  std::ofstream(dir / "notes.txt") << "not a tariff";
  Diagnostics diag;
  auto tariffs = load_tariffs(dir.string(), diag);
  fs::remove_all(dir);
  CHECK(tariffs.size() == 2);
  REQUIRE(diag.errors.size() == 1);
  CHECK_THAT(diag.errors[0].message, Contains("2026"));
  CHECK_THAT(diag.errors[0].message, Contains("ambiguous"));
}

TEST_CASE("a tariff with a single, open band labels it sensibly", "[annual]") {
  // A one-band tariff is valid (one coefficient for everybody): its label
  // must not read ">-1".
  std::vector<Band> one = {Band{std::nullopt, Money::parse("0.19")}};
  CHECK(banded_amount(one, Method::kFlat, 2550) == Money::parse("484.5"));
  CHECK(banded_amount(one, Method::kMarginal, 2550) == Money::parse("484.5"));
  const std::string label = band_label(one, 0);
  CHECK_THAT(label, !Contains("-1"));
  Allowance a;
  a.by_population = {PopulationAllowance{std::nullopt, 270}};
  CHECK(allowance_for(a, comune(3000)) == 270);
  CHECK_THAT(allowance_basis(a, comune(3000)), !Contains("-1"));
}
