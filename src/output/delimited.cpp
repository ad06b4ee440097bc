// CSV and TSV for spreadsheets and scripts.
#include "output/delimited.hpp"

namespace citfee {

namespace {

// A text cell that a spreadsheet would read as a formula gets a leading quote.
bool looks_like_formula(const std::string& s) {
  if (s.empty()) return false;
  char c = s.front();
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

std::string quoted(const std::string& s, char delimiter) {
  if (s.find_first_of(std::string{delimiter, '"', '\n', '\r'}) == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string write_delimited(const Report& report, char delimiter, const WriteOptions& options) {
  // CSV with a decimal comma is for Excel, which reads UTF-8 ("Comunità")
  // only after a byte order mark; plain CSV is for scripts and has none.
  std::string out = options.decimal_mark == ',' && delimiter != '\t' ? "\xEF\xBB\xBF" : "";
  for (std::size_t i = 0; i < report.columns.size(); ++i) {
    if (i) out += delimiter;
    out += quoted(report.columns[i], delimiter);
  }
  out += '\n';
  for (const auto& row : report.rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i) out += delimiter;
      std::string value = row[i].str(options.decimal_mark);
      if (row[i].kind == CellKind::kText && looks_like_formula(value)) value = "'" + value;
      out += quoted(value, delimiter);
    }
    out += '\n';
  }
  return out;
}

}  // namespace citfee
