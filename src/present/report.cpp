#include "present/report.hpp"

#include "present/terms.hpp"

namespace citfee {

Cell Cell::of_term(const Term& t) {
  Cell c = of_text(std::string(t.english));
  c.term = &t;
  return c;
}

bool Cell::is_number() const {
  return kind == CellKind::kInteger || kind == CellKind::kAmount || kind == CellKind::kDecimal;
}

std::string Cell::str(char decimal_mark) const {
  switch (kind) {
    case CellKind::kEmpty:
      return {};
    case CellKind::kText:
      return text;
    case CellKind::kInteger:
      return std::to_string(integer);
    case CellKind::kAmount:
      return money.to_fixed(2, decimal_mark);
    case CellKind::kDecimal:
      return money.to_string(2, decimal_mark);
    case CellKind::kDate:
      return date.iso();
  }
  return {};
}

Money Report::total() const {
  return total_of(total_column);
}

Money Report::total_of(int column) const {
  Money sum;
  if (column < 0) return sum;
  for (const auto& row : rows) sum += row[static_cast<std::size_t>(column)].money;
  return sum;
}

void keep_last_cells_if_used(Report& report, std::string name) {
  for (const auto& row : report.rows) {
    if (!row.empty() && row.back().kind != CellKind::kEmpty && !row.back().text.empty()) {
      report.columns.push_back(std::move(name));
      return;
    }
  }
  for (auto& row : report.rows) row.pop_back();
}

}  // namespace citfee
