// A general CSV reader: RFC 4180 quoting, BOM, comma or semicolon, LF or CRLF.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "citfee/error.hpp"

namespace citfee {

struct CsvRow {
  int line = 0;  // physical line where the row starts
  std::vector<std::string> fields;
};

struct CsvTable {
  std::string file;
  char delimiter = ',';
  std::vector<std::string> header;  // trimmed, lower-cased
  int header_line = 0;
  std::vector<CsvRow> rows;         // blank rows left out

  // Index of a header name, or -1.
  int column(std::string_view name) const;
  Location at(const CsvRow& row, int column) const { return {file, row.line, column + 1}; }
};

// Reads `text` (the whole file). Problems go to `diag`, each with its line:
// an unterminated quote, text after a closing quote, bytes that are not UTF-8,
// a row with more or fewer fields than the header. Rows with a problem are
// left out of the table. An empty input gives a table with no header.
CsvTable parse_csv(std::string_view text, const std::string& file, Diagnostics& diag);

// The delimiter of a header line: ';' when it has more semicolons than commas
// outside quotes, ',' otherwise.
char detect_delimiter(std::string_view header_line);

// Position of the first byte that is not valid UTF-8, or npos.
std::size_t find_invalid_utf8(std::string_view text);

}  // namespace citfee
