// Exhaustive and data-driven properties of the annual fee: every population
// from 1 to 2,000,000 against an integer formula written here, independently
// of Money and of the tariff reader.
#include <catch2/catch.hpp>

#include <cstdint>
#include <filesystem>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "core/annual.hpp"
#include "input/csv.hpp"
#include "input/entities.hpp"
#include "input/read_file.hpp"
#include "input/tariff_source.hpp"
#include "support.hpp"

using namespace citfee;
using citfee::test::diagnostics_text;
using citfee::test::shipped;

namespace {

// A band of a schedule, with its coefficient in thousandths of a euro.
struct IntBand {
  std::int64_t up_to;  // inclusive; INT64_MAX for the open band
  std::int64_t thousandths;
};

constexpr std::int64_t kOpen = std::numeric_limits<std::int64_t>::max();

// Four bands, as plain arrays: cheap to walk even in a sanitized debug build.
using Schedule = IntBand[4];

// Annex A of the Convention 2026–2036.
constexpr Schedule kSchedule2026 = {{5000, 190}, {10000, 175}, {15000, 145}, {kOpen, 140}};
// The figures of tests/data/cit-2021.toml.
constexpr Schedule kSchedule2021 = {{5000, 200}, {10000, 180}, {15000, 150}, {kOpen, 145}};

// Exact amount in thousandths of a euro.
std::int64_t flat_thousandths(const Schedule& bands, std::int64_t p) {
  for (const IntBand& b : bands) {
    if (p <= b.up_to) return p * b.thousandths;
  }
  return -1;
}

std::int64_t marginal_thousandths(const Schedule& bands, std::int64_t p) {
  std::int64_t total = 0;
  std::int64_t below = 0;
  for (const IntBand& b : bands) {
    const std::int64_t top = p < b.up_to ? p : b.up_to;
    if (top > below) total += (top - below) * b.thousandths;
    below = top;
  }
  return total;
}

std::int64_t band_of(const Schedule& bands, std::int64_t p) {
  for (std::size_t i = 0; i < 4; ++i) {
    if (p <= bands[i].up_to) return static_cast<std::int64_t>(i);
  }
  return -1;
}

// Whole euros, halves up (amounts here are positive).
std::int64_t euros(std::int64_t thousandths) {
  return (thousandths + 500) / 1000;
}

const Tariff& test_2021() {
  static const std::vector<Tariff> tariffs = [] {
    Diagnostics diag;
    auto t = load_tariffs(std::string(CITFEE_TEST_DATA) + "/cit-2021.toml", diag);
    INFO(diagnostics_text(diag));
    REQUIRE(diag.ok());
    REQUIRE(t.size() == 1);
    return t;
  }();
  return tariffs.front();
}

// Collects the first few mismatches instead of one assertion per population,
// so that millions of comparisons stay fast.
struct Mismatches {
  std::int64_t count = 0;
  std::ostringstream first;
  void add(std::int64_t p, const char* what, const std::string& got, const std::string& want) {
    if (count++ < 10)
      first << "population " << p << ": " << what << " " << got << ", expected " << want << "\n";
  }
};

std::string micros_text(std::int64_t thousandths) {
  return Money::from_micros(thousandths * 1000).to_string();
}

}  // namespace

TEST_CASE("every population 1..2,000,000 pays the integer formula, both methods",
          "[annual][property]") {
  const Tariff& t = shipped();
  constexpr std::int64_t kLast = 2'000'000;
  Entity e;
  e.id = "017001";
  e.name = "Comune di Prova";
  e.type = EntityType::kComune;
  Mismatches bad;
  std::int64_t previous_marginal = 0;
  std::int64_t checked = 0;
  // Every source of a population, in turn: the fee depends on the figure only.
  constexpr PopulationSource kSources[] = {
      PopulationSource::kPopulationsFile, PopulationSource::kIstatPosas, PopulationSource::kIstatP2,
      PopulationSource::kEntitiesColumn, PopulationSource::kEntitiesUndated};
  for (std::int64_t p = 1; p <= kLast; ++p) {
    const PopulationSource source = kSources[p % 5];
    const std::optional<int> year =
        source == PopulationSource::kEntitiesUndated ? std::nullopt : std::optional(2025);
    e.populations.assign(1, PopulationFigure{p, year, source, {}, {}});
    e = with_population_of(e, 2025);
    if (e.population != p || !e.population_used || e.population_used->source != source)
      bad.add(p, "population chosen", std::to_string(e.population.value_or(0)), std::to_string(p));
    const AnnualFee flat = annual_fee(t, Method::kFlat, e, 2026);
    const std::int64_t ft = flat_thousandths(kSchedule2026, p);
    if (flat.computed.micros() != ft * 1000)
      bad.add(p, "flat computed", flat.computed.to_string(), micros_text(ft));
    if (flat.fee.micros() != euros(ft) * 1'000'000) {
      bad.add(p, "flat fee", flat.fee.to_string(), std::to_string(euros(ft)));
    }
    if (!flat.band || static_cast<std::int64_t>(*flat.band) != band_of(kSchedule2026, p) ||
        flat.flat) {
      bad.add(p, "flat band", flat.band ? std::to_string(*flat.band) : "none",
              std::to_string(band_of(kSchedule2026, p)));
    }

    const AnnualFee marginal = annual_fee(t, Method::kMarginal, e, 2026);
    const std::int64_t mt = marginal_thousandths(kSchedule2026, p);
    if (marginal.computed.micros() != mt * 1000) {
      bad.add(p, "marginal computed", marginal.computed.to_string(), micros_text(mt));
    }
    const std::int64_t mfee = euros(mt);
    if (marginal.fee.micros() != mfee * 1'000'000) {
      bad.add(p, "marginal fee", marginal.fee.to_string(), std::to_string(mfee));
    }
    // The marginal fee never falls as the population grows (the flat one does, at band edges).
    if (mfee < previous_marginal)
      bad.add(p, "marginal fee fell", std::to_string(mfee), ">= previous");
    previous_marginal = mfee;
    checked += 2;
  }
  INFO(bad.first.str());
  CHECK(checked == 2 * kLast);
  CHECK(bad.count == 0);
}

TEST_CASE("the 2021 test tariff: marginal bands up to 40,000, then a flat 300",
          "[annual][property][tariff2021]") {
  const Tariff& t = test_2021();
  Entity e;
  e.id = "017001";
  e.name = "Comune di Prova";
  e.type = EntityType::kComune;
  Mismatches bad;
  for (std::int64_t p = 1; p <= 200'000; ++p) {
    e.population = p;
    for (Method method : {Method::kFlat, Method::kMarginal}) {
      const AnnualFee fee = annual_fee(t, method, e, 2021);
      std::int64_t want = 300;
      if (p <= 40'000) {
        want = euros(method == Method::kFlat ? flat_thousandths(kSchedule2021, p)
                                             : marginal_thousandths(kSchedule2021, p));
      }
      if (fee.fee.micros() != want * 1'000'000 || (p > 40'000) != (fee.flat != nullptr)) {
        bad.add(p, method == Method::kFlat ? "flat fee" : "marginal fee", fee.fee.to_string(),
                std::to_string(want));
      }
    }
  }
  INFO(bad.first.str());
  CHECK(bad.count == 0);
}

TEST_CASE("flat-fee types pay 300 whatever their population", "[annual][property]") {
  const Tariff& t = shipped();
  Entity e;
  e.id = "X";
  e.name = "X";
  Mismatches bad;
  for (EntityType type : {EntityType::kCapoluogo, EntityType::kComunitaMontana,
                          EntityType::kUnioneComuni, EntityType::kAziendaSpeciale}) {
    e.type = type;
    for (std::int64_t p = 1; p <= 2'000'000; p += 997) {
      e.population = p;
      for (Method method : {Method::kFlat, Method::kMarginal}) {
        const AnnualFee fee = annual_fee(t, method, e, 2026);
        if (fee.fee != Money::from_euros(300) || !fee.flat)
          bad.add(p, "fee", fee.fee.to_string(), "300");
      }
    }
  }
  INFO(bad.first.str());
  CHECK(bad.count == 0);
}

TEST_CASE("the largest accepted population cannot overflow a fee", "[annual][property]") {
  const Tariff& t = shipped();
  Entity e;
  e.type = EntityType::kComune;
  e.population = kMaxPopulation;
  const AnnualFee flat = annual_fee(t, Method::kFlat, e, 2026);
  CHECK(flat.fee.micros() == euros(flat_thousandths(kSchedule2026, kMaxPopulation)) * 1'000'000);
  const AnnualFee marginal = annual_fee(t, Method::kMarginal, e, 2026);
  CHECK(marginal.fee.micros() ==
        euros(marginal_thousandths(kSchedule2026, kMaxPopulation)) * 1'000'000);
}

namespace {

// The Comuni of a shared reference file (istat,nome,...,popolazione_2011),
// written as an entities file and read back through the CSV and entities readers.
void check_reference_file(const std::string& name) {
  const std::filesystem::path path = std::filesystem::path(CITFEE_SHARED_DATA) / name;
  if (!std::filesystem::exists(path)) {
    WARN("reference data " << path.string() << " is absent: skipped");
    return;
  }
  Diagnostics diag;
  CsvTable source = parse_csv(read_input(path.string()), name, diag);
  INFO(diagnostics_text(diag));
  REQUIRE(diag.ok());
  // The readers take the Italian names: istat is the id, nome the name.
  const int istat = source.column("id");
  const int nome = source.column("name");
  const int pop = static_cast<int>(source.header.size()) - 1;
  REQUIRE(istat >= 0);
  REQUIRE(nome >= 0);
  REQUIRE(source.header[static_cast<std::size_t>(pop)].rfind("population_", 0) == 0);

  std::string entities_text = "id;name;type;population\r\n";
  std::vector<std::int64_t> populations;
  for (const CsvRow& row : source.rows) {
    std::string quoted_name = "\"";
    for (char c : row.fields[static_cast<std::size_t>(nome)]) {
      quoted_name += c;
      if (c == '"') quoted_name += '"';
    }
    quoted_name += '"';
    entities_text += row.fields[static_cast<std::size_t>(istat)] + ";" + quoted_name + ";Comune;" +
                     row.fields[static_cast<std::size_t>(pop)] + "\r\n";
    populations.push_back(std::stoll(row.fields[static_cast<std::size_t>(pop)]));
  }
  CsvTable table = parse_csv(entities_text, "enti.csv", diag);
  std::vector<Entity> entities = read_entities(table, diag);
  INFO(diagnostics_text(diag));
  REQUIRE(diag.ok());
  REQUIRE(entities.size() == source.rows.size());

  const Tariff& t = shipped();
  Mismatches bad;
  for (std::size_t i = 0; i < entities.size(); ++i) {
    const Entity& e = entities[i];
    const std::int64_t p = populations[i];
    if (e.id != source.rows[i].fields[static_cast<std::size_t>(istat)] || e.population != p ||
        e.where.line != static_cast<int>(i) + 2) {
      bad.add(p, "entity", e.id, source.rows[i].fields[static_cast<std::size_t>(istat)]);
    }
    const AnnualFee flat = annual_fee(t, t.annual.method, e, 2026);
    if (flat.fee.micros() != euros(flat_thousandths(kSchedule2026, p)) * 1'000'000) {
      bad.add(p, "flat fee", flat.fee.to_string(),
              std::to_string(euros(flat_thousandths(kSchedule2026, p))));
    }
    const AnnualFee marginal = annual_fee(t, Method::kMarginal, e, 2026);
    if (marginal.fee.micros() != euros(marginal_thousandths(kSchedule2026, p)) * 1'000'000) {
      bad.add(p, "marginal fee", marginal.fee.to_string(),
              std::to_string(euros(marginal_thousandths(kSchedule2026, p))));
    }
  }
  INFO(bad.first.str());
  CHECK(bad.count == 0);
  CHECK(entities.front().id.front() == '0');  // ISTAT codes keep their leading zero
}

}  // namespace

TEST_CASE("the Comuni of Brescia (ISTAT 2011) through the readers and the fee",
          "[annual][shared]") {
  check_reference_file("brescia_comuni_2011.csv");
}

TEST_CASE("all Italian Comuni (ISTAT 2011) through the readers and the fee", "[annual][shared]") {
  check_reference_file("italia_comuni_2011.csv");
}
