// What every reader of a table does with its header and its cells.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "input/csv.hpp"

namespace citfee {

// The UTF-8 byte order mark that Excel writes at the start of a file.
inline constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Trims ASCII blanks around a cell value.
std::string_view trimmed(std::string_view s);

// Trimmed, with ASCII letters lower-cased: how header names are compared.
std::string lower_trimmed(std::string_view s);

// Whether every field is empty: a blank row.
bool all_empty(const std::vector<std::string>& fields);

// The trimmed text of `column` in `row`; empty for column -1 (absent).
std::string cell_text(const CsvRow& row, int column);

// Checks a header for required and repeated columns; false if one is missing
// or repeated. Each repeated name is reported once.
bool check_header(const CsvTable& table, const std::vector<std::string_view>& required,
                  std::string_view example, Diagnostics& diag);

}  // namespace citfee
