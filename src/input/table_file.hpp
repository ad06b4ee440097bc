// An input table from a file: a CSV file, or a sheet of an Excel workbook.
#pragma once

#include <string>

#include "core/error.hpp"
#include "input/csv.hpp"

namespace citfee {

// Reads `path` ("-" for standard input): an .xlsx workbook, told by its
// content, is read at `sheet` (empty: its first sheet); anything else as CSV.
CsvTable read_table(const std::string& path, const std::string& sheet, Diagnostics& diag);

}  // namespace citfee
