#include "core/population.hpp"

#include <fmt/format.h>

namespace citfee {

const std::string& SourceFile::name() const {
  static const std::string kNone;
  return name_ ? *name_ : kNone;
}

Location PopulationFigure::where() const {
  return {file.name(), place.line, place.column, place.column_letters};
}

std::string population_origin(const PopulationFigure& f) {
  const int year = f.year.value_or(0);
  switch (f.source) {
    case PopulationSource::kPopulationsFile:
      return fmt::format("populations file {}", f.file.name());
    case PopulationSource::kIstatPosas:
      // ISTAT counts the residents of 31 December N as those of 1 January N+1.
      return fmt::format("ISTAT, POSAS 1 January {}", year + 1);
    case PopulationSource::kIstatP2:
      return fmt::format("ISTAT, demographic balance {}", year);
    case PopulationSource::kEntitiesColumn:
      return fmt::format("entities file, population_{}", year);
    case PopulationSource::kEntitiesUndated:
      break;
  }
  return "entities file, undated";
}

std::optional<PopulationFigure> population_for_year(const std::vector<PopulationFigure>& figures,
                                                    int year) {
  const PopulationFigure* best = nullptr;
  for (const PopulationFigure& f : figures) {
    if (f.year && *f.year != year) continue;
    if (!best || f.source < best->source) best = &f;
  }
  if (!best) return std::nullopt;
  return *best;
}

}  // namespace citfee
