#include "core/error.hpp"

#include <fmt/format.h>

namespace citfee {

std::string Location::str() const {
  if (line <= 0) return file;
  if (column <= 0) return fmt::format("{}:{}", file, line);
  return fmt::format("{}:{}:{}", file, line, column);
}

std::string Diagnostic::str() const {
  std::string where_text = where.str();
  return where_text.empty() ? message : where_text + ": " + message;
}

}  // namespace citfee
