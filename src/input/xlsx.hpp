// Reading one sheet of an Excel workbook (.xlsx) as a table, the way the
// office keeps its lists: libzip opens the archive, expat reads its XML.
#pragma once

#include <string>
#include <string_view>

#include "core/error.hpp"
#include "input/csv.hpp"

namespace citfee {

// Reads the sheet named `sheet` (empty: the first) of the workbook `bytes`
// as parse_csv reads a CSV file: the first row that is not blank is the
// header, each row keeps its sheet row number, and problems are located as
// enti.xlsx:Foglio1:14:C. Numbers are taken as Excel shows them (at most 15
// significant digits, exactly, without floating point); cells formatted as
// dates become YYYY-MM-DD. Problems go to `diag`.
CsvTable read_xlsx(std::string_view bytes, const std::string& file, const std::string& sheet,
                   Diagnostics& diag);

// A number as Excel writes it in a sheet (1579, 0.19, 1.5E-2, 5010.0000000001)
// as the decimal Excel shows: rounded to 15 significant digits, no exponent,
// no trailing zeros. Exact: digits are moved, never converted. The text as it
// is when it is not such a number.
std::string excel_number_text(std::string_view text);

// The date of an Excel serial day number (1900 system): 46095 is 2026-03-14.
std::string excel_serial_date(long serial);

}  // namespace citfee
