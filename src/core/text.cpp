#include "core/text.hpp"

#include <cstdio>

namespace citfee {

namespace {

bool is_c0(unsigned char c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
}

// A C1 control is two bytes in UTF-8: C2 80 to C2 9F.
bool is_c1(std::string_view text, std::size_t i) {
  return static_cast<unsigned char>(text[i]) == 0xC2 && i + 1 < text.size() &&
         static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
         static_cast<unsigned char>(text[i + 1]) <= 0x9F;
}

}  // namespace

std::size_t find_control(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (is_c0(static_cast<unsigned char>(text[i])) || is_c1(text, i)) return i;
  }
  return std::string_view::npos;
}

std::string escape_controls(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  char code[8];
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (is_c0(c) || c == '\r') {
      std::snprintf(code, sizeof code, "\\x%02x", c);
      out += code;
    } else if (is_c1(text, i)) {
      std::snprintf(code, sizeof code, "\\u%04x", static_cast<unsigned char>(text[i + 1]));
      out += code;
      ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

}  // namespace citfee
