#include "core/error.hpp"

#include <fmt/format.h>

namespace citfee {

std::string Location::str() const {
  if (line <= 0) return file;
  if (column <= 0) return fmt::format("{}:{}", file, line);
  if (column_letters) return fmt::format("{}:{}:{}", file, line, column_name(column));
  return fmt::format("{}:{}:{}", file, line, column);
}

std::string column_name(int column) {
  std::string name;
  for (int n = column; n > 0; n = (n - 1) / 26)
    name.insert(name.begin(), static_cast<char>('A' + (n - 1) % 26));
  return name;
}

std::string Diagnostic::str() const {
  std::string where_text = where.str();
  return where_text.empty() ? message : where_text + ": " + message;
}

}  // namespace citfee
