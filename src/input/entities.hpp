// Reads the entities file (one row per member entity) from a parsed CSV.
#pragma once

#include <vector>

#include "core/entity.hpp"
#include "input/csv.hpp"

namespace citfee {

// Checks the header (id, name, type required; population for Comuni) and every
// row; problems go to `diag`. Rows with a problem are left out.
std::vector<Entity> read_entities(const CsvTable& table, Diagnostics& diag);

}  // namespace citfee
