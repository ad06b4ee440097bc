// Populations by year: the order of the sources, and the words that say
// where a figure came from.
#include <catch2/catch.hpp>

#include <vector>

#include "core/entity.hpp"
#include "core/population.hpp"

using namespace citfee;

namespace {

PopulationFigure figure(std::int64_t n, std::optional<int> year, PopulationSource source) {
  return {n, year, source, SourceFile("popolazioni.csv"), {}};
}

}  // namespace

TEST_CASE("the year's figure comes from populations files, then population_YYYY, then undated",
          "[population]") {
  const std::vector<PopulationFigure> figures = {
      figure(900, std::nullopt, PopulationSource::kEntitiesUndated),
      figure(5000, 2025, PopulationSource::kEntitiesColumn),
      figure(5010, 2026, PopulationSource::kEntitiesColumn),
      figure(5011, 2026, PopulationSource::kIstatPosas),
  };
  CHECK(population_for_year(figures, 2025)->residents == 5000);
  CHECK(population_for_year(figures, 2026)->residents == 5011);
  CHECK(population_for_year(figures, 2026)->source == PopulationSource::kIstatPosas);
  // No dated figure for 2024: the undated one serves any year.
  CHECK(population_for_year(figures, 2024)->residents == 900);
  CHECK_FALSE(population_for_year(figures, 2024)->year);
  const std::vector<PopulationFigure> dated_only(figures.begin() + 1, figures.end());
  CHECK_FALSE(population_for_year(dated_only, 2024));
}

TEST_CASE("a figure says its source as explain prints it", "[population]") {
  CHECK(population_origin(figure(7114, 2025, PopulationSource::kIstatPosas)) ==
        "ISTAT, POSAS 1 January 2026");
  CHECK(population_origin(figure(7114, 2025, PopulationSource::kEntitiesColumn)) ==
        "entities file, population_2025");
  CHECK(population_origin(figure(7114, std::nullopt, PopulationSource::kEntitiesUndated)) ==
        "entities file, undated");
  CHECK(population_origin(figure(7114, 2025, PopulationSource::kIstatP2)) ==
        "ISTAT, demographic balance 2025");
  CHECK(population_origin(figure(7114, 2025, PopulationSource::kPopulationsFile)) ==
        "populations file popolazioni.csv");
}

TEST_CASE("with_population_of sets the figure of the year, or none", "[population]") {
  Entity e;
  e.id = "017028";
  e.populations = {figure(5000, 2025, PopulationSource::kEntitiesColumn)};
  e.population = 1;  // as read: replaced by the year's figure
  CHECK(with_population_of(e, 2025).population == 5000);
  CHECK(with_population_of(e, 2025).population_used->year == 2025);
  CHECK_FALSE(with_population_of(e, 2026).population);
  CHECK_FALSE(with_population_of(e, 2026).population_used);
}

TEST_CASE("population records match ids, istat codes, and codes that lost their zeros",
          "[population]") {
  std::vector<Entity> entities(3);
  entities[0].id = "017028";
  entities[1].id = "A9";
  entities[1].istat = "017099";
  entities[2].id = "CM01";  // not a Comune: its id does not stop the padding
  entities[2].type = EntityType::kComunitaMontana;
  auto rec = [](std::string code, bool numeric, std::int64_t n) {
    return PopulationRecord{code, numeric, figure(n, 2025, PopulationSource::kIstatPosas)};
  };
  Diagnostics diag;
  add_population_records(entities, {rec("17028", true, 5000), rec("017099", false, 300)}, diag);
  CHECK(diag.ok());
  REQUIRE(entities[0].populations.size() == 1);
  CHECK(entities[0].populations[0].residents == 5000);
  REQUIRE(entities[1].populations.size() == 1);

  // Ids that are not six-digit codes: no padding.
  std::vector<Entity> others(1);
  others[0].id = "17028";
  add_population_records(others, {rec("17028", true, 5000)}, diag);
  CHECK(others[0].populations.size() == 1);
  std::vector<Entity> padded(1);
  padded[0].id = "017028";
  padded[0].istat = "A17028";
  add_population_records(padded, {rec("17028", true, 5000)}, diag);
  CHECK(padded[0].populations.empty());

  // The same year twice: equal is fine, different is an error.
  add_population_records(entities, {rec("017028", false, 5000)}, diag);
  CHECK(diag.ok());
  add_population_records(entities, {rec("017028", false, 5001)}, diag);
  REQUIRE(diag.errors.size() == 1);
  CHECK(entities[0].populations.size() == 1);
}
