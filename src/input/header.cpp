#include "input/header.hpp"

#include <algorithm>
#include <unordered_set>

#include <fmt/format.h>

namespace citfee {

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string lower_trimmed(std::string_view s) {
  std::string out(trimmed(s));
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool all_empty(const std::vector<std::string>& fields) {
  return std::all_of(fields.begin(), fields.end(), [](const std::string& f) { return f.empty(); });
}

std::string cell_text(const CsvRow& row, int column) {
  return column < 0 ? std::string()
                    : std::string(trimmed(row.fields[static_cast<std::size_t>(column)]));
}

bool check_header(const CsvTable& table, const std::vector<std::string_view>& required,
                  std::string_view example, Diagnostics& diag) {
  const Location where{table.file, table.header_line, 0};
  if (table.header.empty()) {
    diag.error({table.file, 1, 0},
               fmt::format("the file is empty: it needs a header line such as {}", example));
    return false;
  }
  bool ok = true;
  // A hash set: a header of thousands of columns is checked in one pass.
  std::unordered_set<std::string_view> seen, repeated;
  for (std::size_t i = 0; i < table.header.size(); ++i) {
    const std::string& name = table.header[i];
    if (name.empty() || seen.insert(name).second) continue;
    if (repeated.insert(name).second) {
      diag.error({table.file, table.header_line, static_cast<int>(i + 1)},
                 fmt::format("column \"{}\" appears twice in the header", name));
    }
    ok = false;
  }
  for (auto name : required) {
    if (table.column(name) < 0) {
      diag.error(where, fmt::format("the header has no \"{}\" column (found: {}; expected e.g. {})",
                                    name, fmt::join(table.header, ","), example));
      ok = false;
    }
  }
  return ok;
}

}  // namespace citfee
