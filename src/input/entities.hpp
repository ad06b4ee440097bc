// Reads the entities file (one row per member entity) from a parsed CSV.
#pragma once

#include <vector>

#include "core/entity.hpp"
#include "input/csv.hpp"

namespace citfee {

// Checks the header (id, name, type required; population for Comuni) and every
// row; problems go to `diag`. Rows with a problem are left out.
std::vector<Entity> read_entities(const CsvTable& table, Diagnostics& diag);

// Checks a header for required and repeated columns; false if one is missing.
bool check_header(const CsvTable& table, const std::vector<std::string_view>& required,
                  std::string_view example, Diagnostics& diag);

// Trims ASCII blanks around a cell value.
std::string_view trimmed(std::string_view s);

}  // namespace citfee
