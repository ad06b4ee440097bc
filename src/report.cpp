#include "citfee/report.hpp"

#include <stdexcept>

namespace citfee {

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
  Money sum;
  if (total_column < 0) return sum;
  for (const auto& row : rows) sum += row[static_cast<std::size_t>(total_column)].money;
  return sum;
}

std::string render(const Report& report, Format format, const WriteOptions& options) {
  switch (format) {
    case Format::kTable:
      return write_table(report, options);
    case Format::kCsv:
      return write_delimited(report, options.decimal_mark == ',' ? ';' : ',', options);
    case Format::kTsv:
      return write_delimited(report, '\t', options);
    case Format::kJson:
      return write_json(report);
    case Format::kXlsx:
      break;
  }
  throw std::logic_error("render: a workbook is written by write_xlsx");
}

}  // namespace citfee
