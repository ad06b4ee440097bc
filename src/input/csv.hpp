// A general CSV reader: RFC 4180 quoting, BOM, comma or semicolon, LF or CRLF.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.hpp"

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
  std::vector<CsvRow> rows;     // blank rows left out
  bool column_letters = false;  // a spreadsheet's: columns named A, B, … in messages
  // The cells a workbook stores as numbers, as (row line, 0-based column):
  // Excel has dropped the leading zeros of such a cell. Empty for a CSV file.
  std::set<std::pair<int, int>> number_cells;

  // Index of a header name, or -1.
  int column(std::string_view name) const;
  Location at(const CsvRow& row, int column) const {
    return {file, row.line, column + 1, column_letters};
  }
};

// The longest record a table may hold, as for the events: parse_csv throws
// Error(kBadData) on a longer one.
constexpr std::size_t kMaxCsvRecord = std::size_t{1} << 20;

// Reads `text` (the whole file). Problems go to `diag`, each with its line:
// an unterminated quote, text after a closing quote, bytes that are not UTF-8,
// a row with more or fewer fields than the header. Rows with a problem are
// left out of the table. An empty input gives a table with no header.
CsvTable parse_csv(std::string_view text, const std::string& file, Diagnostics& diag);

// A table of rows already split into fields (a spreadsheet's sheet, `line`
// its row number), with the header, checks and empty columns of parse_csv.
CsvTable table_of_rows(std::vector<CsvRow> rows, const std::string& file, Diagnostics& diag);

// The checks parse_csv makes of every row after the header: its fields are
// UTF-8 and as many as the header's. False, with the problem reported, if not.
bool check_csv_row(const CsvTable& table, const CsvRow& row, Diagnostics& diag);

enum class CsvRecordStatus { kOk, kBad, kIncomplete };

// Reads the one record that starts at `pos` in `text`, by the rules of
// parse_csv, for readers that stream a file through a buffer. kIncomplete:
// the text ends before the record does (nothing reported, nothing moved; read
// more, or pass `at_end` when there is no more). Otherwise `pos` and `line`
// move past the record; kBad: it had a syntax error, reported to `diag`.
CsvRecordStatus read_csv_record(std::string_view text, bool at_end, char delimiter,
                                const std::string& file, std::size_t& pos, int& line, CsvRow& row,
                                Diagnostics& diag);

// The delimiter of a header line, from the separators outside quotes: a tab
// when tabs outnumber both others, else ';' when semicolons outnumber commas,
// else ','.
char detect_delimiter(std::string_view header_line);

// Position of the first byte that is not valid UTF-8, or npos.
std::size_t find_invalid_utf8(std::string_view text);

}  // namespace citfee
