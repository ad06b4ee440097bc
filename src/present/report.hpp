// Rows ready for a writer: the one shape every command's output takes.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/money.hpp"
#include "core/period.hpp"

namespace citfee {

enum class CellKind {
  kEmpty,
  kText,
  kInteger,
  kAmount,   // money with exactly two decimals: 875.00
  kDecimal,  // exact decimal, at least two decimals: 875.175, 0.19
  kDate,
};

struct Term;

struct Cell {
  CellKind kind = CellKind::kEmpty;
  std::string text;
  std::int64_t integer = 0;
  Money money;
  Date date;
  // A state's word (issued, overdue): its text is the term's English, and
  // the Italian report writes the term's Italian.
  const Term* term = nullptr;

  static Cell empty() { return {}; }
  static Cell of_text(std::string s) { return {CellKind::kText, std::move(s), 0, {}, {}}; }
  static Cell of_integer(std::int64_t n) { return {CellKind::kInteger, {}, n, {}, {}}; }
  static Cell of_amount(Money m) { return {CellKind::kAmount, {}, 0, m, {}}; }
  static Cell of_decimal(Money m) { return {CellKind::kDecimal, {}, 0, m, {}}; }
  static Cell of_date(Date d) { return {CellKind::kDate, {}, 0, {}, d}; }
  static Cell of_term(const Term& t);

  bool is_number() const;
  // The cell as plain text with `decimal_mark`; no quoting, no thousands separator.
  std::string str(char decimal_mark = '.') const;
};

enum class ChartKind {
  kColumn,         // upright bars, side by side
  kStackedColumn,  // upright bars, one on top of the other
  kBar,            // horizontal bars
};

// A chart a workbook draws beside its sheet, from the sheet's own cells (the
// total row left out): the categories are a column; each value column is a
// series or, with `series_column`, each run of rows with the same value in
// that column is one (named by that value), over the value column.
struct Chart {
  ChartKind kind = ChartKind::kColumn;
  std::string title;
  std::string title_it;
  int category_column = 0;
  std::vector<int> value_columns;
  int series_column = -1;
};

struct Report {
  std::string command;                              // annual, semester
  std::string title;                                // first line of a table, for people
  std::string title_it;                             // the same in Italian, for --lang it
  std::string sheet;                                // name of its workbook sheet, in Italian
  std::vector<std::pair<std::string, Cell>> about;  // year or period, tariff, method
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;
  int total_column = -1;         // the amount a table totals; -1 for none
  int group_column = -1;         // a table prints a subtotal when this column changes
  std::vector<int> more_totals;  // further amount columns the total line sums
  std::vector<Chart> charts;     // drawn by a workbook; other formats leave them out
  // The tariff's label of each service key, which --lang it writes in a
  // "service" column ("Casella PEC" for pec) and the usage reader takes back.
  std::map<std::string, std::string> service_labels;

  Money total() const;
  Money total_of(int column) const;
};

// Every row ends with one cell more than `columns`: keeps it as the column
// `name` when one of them is not empty, and drops it otherwise (a column of
// events' names, say, only when the usage gave some).
void keep_last_cells_if_used(Report& report, std::string name);

}  // namespace citfee
