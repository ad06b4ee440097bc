// Rows ready for a writer: the one shape every command's output takes.
#pragma once

#include <cstdint>
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

struct Cell {
  CellKind kind = CellKind::kEmpty;
  std::string text;
  std::int64_t integer = 0;
  Money money;
  Date date;

  static Cell empty() { return {}; }
  static Cell of_text(std::string s) { return {CellKind::kText, std::move(s), 0, {}, {}}; }
  static Cell of_integer(std::int64_t n) { return {CellKind::kInteger, {}, n, {}, {}}; }
  static Cell of_amount(Money m) { return {CellKind::kAmount, {}, 0, m, {}}; }
  static Cell of_decimal(Money m) { return {CellKind::kDecimal, {}, 0, m, {}}; }
  static Cell of_date(Date d) { return {CellKind::kDate, {}, 0, {}, d}; }

  bool is_number() const;
  // The cell as plain text with `decimal_mark`; no quoting, no thousands separator.
  std::string str(char decimal_mark = '.') const;
};

struct Report {
  std::string command;                              // annual, semester
  std::string title;                                // first line of a table, for people
  std::string title_it;                             // the same in Italian, for --lang it
  std::string sheet;                                // name of its workbook sheet, in Italian
  std::vector<std::pair<std::string, Cell>> about;  // year or period, tariff, method
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;
  int total_column = -1;  // the amount a table totals; -1 for none
  int group_column = -1;  // a table prints a subtotal when this column changes

  Money total() const;
};

}  // namespace citfee
