// Populations by year: the residents at 31 December of year N, each with
// where it came from, and the one rule that picks the figure a year uses.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace citfee {

// Where a figure came from, in the order they are preferred.
enum class PopulationSource {
  kPopulationsFile,  // --populations, long CSV: id,year,population
  kIstatPosas,       // --populations, ISTAT "Popolazione residente al 1° gennaio"
  kIstatP2,          // --populations, ISTAT bilancio demografico (P2)
  kEntitiesColumn,   // entities file, column population_YYYY
  kEntitiesUndated,  // entities file, column population: any year
};

// The name of the file figures were read from, held once for all of them: a
// file gives thousands of figures, each would otherwise carry its own copy.
class SourceFile {
 public:
  SourceFile() = default;
  explicit SourceFile(std::string name)
      : name_(std::make_shared<const std::string>(std::move(name))) {}

  const std::string& name() const;

 private:
  std::shared_ptr<const std::string> name_;
};

// A cell of that file: what a Location says besides the file's name.
struct FilePlace {
  int line = 0;
  int column = 0;
  bool column_letters = false;
};

struct PopulationFigure {
  std::int64_t residents = 0;
  std::optional<int> year;  // the N of "31 December N"; none: undated
  PopulationSource source = PopulationSource::kEntitiesUndated;
  SourceFile file;  // the file it was read from, for messages
  FilePlace place;  // its cell there

  bool from_populations_option() const { return source < PopulationSource::kEntitiesColumn; }
  Location where() const;
};

// Where a figure came from, in words for explain: "ISTAT, POSAS 1 January
// 2026", "entities file, population_2025", "entities file, undated".
std::string population_origin(const PopulationFigure& figure);

// The figure for the residents at 31 December `year`: from the --populations
// files, else the entities file's population_YYYY column, else its undated
// population. None when no source gives it.
std::optional<PopulationFigure> population_for_year(const std::vector<PopulationFigure>& figures,
                                                    int year);

// One row of a populations file, as read: the code is matched to entities later.
struct PopulationRecord {
  std::string code;      // as written (ISTAT codes may have lost their leading zeros)
  bool numeric = false;  // written without leading zeros, in a layout that drops them
  PopulationFigure figure;
};

}  // namespace citfee
