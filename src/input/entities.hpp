// Reads the entities file (one row per member entity) from a parsed CSV.
#pragma once

#include <vector>

#include "core/entity.hpp"
#include "input/csv.hpp"

namespace citfee {

// Checks the header (id, name, type required; a population for Comuni) and
// every row; problems go to `diag`. Rows with a problem are left out.
// Populations: `population` (undated) and `population_YYYY` (residents at
// 31 December YYYY), into Entity::populations. A Comune needs one of them
// unless `populations_elsewhere` (--populations files give them); a year no
// source gives is then found when a run needs it. Membership: `joined` (a
// date) and `left` (a year, or its 31 December). `istat`: the code matched by
// ISTAT files when ids are something else.
std::vector<Entity> read_entities(const CsvTable& table, Diagnostics& diag,
                                  bool populations_elsewhere = false);

}  // namespace citfee
