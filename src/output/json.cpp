// JSON for programs: amounts as strings so that they stay exact.
#include <fmt/format.h>

#include "output/json.hpp"

namespace citfee {

namespace {

std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          out += fmt::format("\\u{:04x}", c);
        } else {
          out += ch;
        }
    }
  }
  return out + "\"";
}

std::string json_value(const Cell& cell) {
  switch (cell.kind) {
    case CellKind::kEmpty:
      return "null";
    case CellKind::kInteger:
      return cell.str();
    default:
      return json_string(cell.str());
  }
}

}  // namespace

std::string write_json(const Report& report) {
  std::string out = "{\n  \"command\": " + json_string(report.command);
  for (const auto& [key, value] : report.about) {
    out += ",\n  " + json_string(key) + ": " + json_value(value);
  }
  out += ",\n  \"rows\": [";
  for (std::size_t r = 0; r < report.rows.size(); ++r) {
    out += r ? ",\n    {" : "\n    {";
    for (std::size_t i = 0; i < report.columns.size(); ++i) {
      if (i) out += ", ";
      out += json_string(report.columns[i]) + ": " + json_value(report.rows[r][i]);
    }
    out += "}";
  }
  out += report.rows.empty() ? "]" : "\n  ]";
  if (report.total_column >= 0) out += ",\n  \"total\": " + json_string(report.total().to_fixed(2));
  for (int column : report.more_totals) {
    out += ",\n  " + json_string("total_" + report.columns[static_cast<std::size_t>(column)]) +
           ": " + json_string(report.total_of(column).to_fixed(2));
  }
  out += "\n}\n";
  return out;
}

}  // namespace citfee
