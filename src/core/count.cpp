#include "core/count.hpp"

#include <fmt/format.h>

#include "core/error.hpp"

namespace citfee {

// "1.579", "1,579", "1 579", "12.345.678": digits in groups of three after a
// first group of one to three, always with the same separator.
bool has_thousands_separators(std::string_view text) {
  std::size_t sep = text.find_first_of(".,' ");
  if (sep == 0 || sep > 3 || sep == std::string_view::npos) return false;
  const char mark = text[sep];
  std::size_t pos = sep;
  while (pos < text.size()) {
    if (text[pos] != mark || pos + 4 > text.size()) return false;
    for (std::size_t i = pos + 1; i < pos + 4; ++i) {
      if (text[i] < '0' || text[i] > '9') return false;
    }
    pos += 4;
  }
  return true;
}

std::int64_t parse_count(std::string_view text, std::string_view what, bool allow_zero,
                         std::int64_t max) {
  if (text.empty())
    throw ValueError(fmt::format("{} is empty: write a whole number, e.g. 1579", what));
  std::string digits;
  bool separators = false;
  bool other = false;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      digits += c;
    } else if (c == '.' || c == ',' || c == ' ' || c == '\'') {
      separators = true;
    } else {
      other = true;
    }
  }
  if (text.front() == '-' && !digits.empty()) {
    throw ValueError(
        fmt::format("{} \"{}\" is negative: write a whole number of {} or more, e.g. 1579", what,
                    text, allow_zero ? 0 : 1));
  }
  if (other || digits.empty()) {
    throw ValueError(
        fmt::format("{} \"{}\" is not a whole number: write digits only, e.g. 1579", what, text));
  }
  if (separators) {
    if (has_thousands_separators(text)) {
      throw ValueError(
          fmt::format("{} \"{}\" has a thousands separator: write {}", what, text, digits));
    }
    throw ValueError(
        fmt::format("{} \"{}\" is not a whole number: write digits only, e.g. 1579", what, text));
  }
  std::size_t first = digits.find_first_not_of('0');
  if (first == std::string::npos) {
    if (allow_zero) return 0;
    throw ValueError(fmt::format("{} \"{}\" is zero: it must be at least 1", what, text));
  }
  std::string_view significant = std::string_view(digits).substr(first);
  std::int64_t value = 0;
  for (char c : significant) {
    if (value > max / 10) {
      value = max + 1;
      break;
    }
    value = value * 10 + (c - '0');
  }
  if (value > max)
    throw ValueError(fmt::format("{} \"{}\" is too large (at most {})", what, text, max));
  return value;
}

}  // namespace citfee
