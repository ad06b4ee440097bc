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

struct Decoded {
  char32_t code = 0;
  std::size_t size = 1;
  bool valid = false;
};

// The code point that begins at `i`; a byte that begins none is taken alone.
Decoded decode(std::string_view text, std::size_t i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  if (lead < 0x80) return {lead, 1, true};
  std::size_t size = 0;
  char32_t code = 0;
  if ((lead & 0xE0) == 0xC0) {
    size = 2;
    code = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    size = 3;
    code = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    size = 4;
    code = lead & 0x07;
  } else {
    return {lead, 1, false};
  }
  if (i + size > text.size()) return {lead, 1, false};
  for (std::size_t k = 1; k < size; ++k) {
    const auto c = static_cast<unsigned char>(text[i + k]);
    if ((c & 0xC0) != 0x80) return {lead, 1, false};
    code = (code << 6) | (c & 0x3F);
  }
  return {code, size, true};
}

bool in(char32_t c, char32_t first, char32_t last) {
  return c >= first && c <= last;
}

// Format characters that reorder or hide what a terminal shows: the
// bidirectional marks, embeddings, overrides and isolates, the zero-width
// characters, the byte order mark, interlinear annotations and tags.
bool is_format(char32_t c) {
  return c == 0x061C || c == 0x180E || in(c, 0x200B, 0x200F) || in(c, 0x202A, 0x202E) ||
         in(c, 0x2060, 0x2064) || in(c, 0x2066, 0x206F) || c == 0xFEFF || in(c, 0xFFF9, 0xFFFB) ||
         c == 0xE0001 || in(c, 0xE0020, 0xE007F);
}

// Spaces other than U+0020, and the line and paragraph separators.
bool is_other_space(char32_t c) {
  return c == 0x00A0 || c == 0x1680 || in(c, 0x2000, 0x200A) || c == 0x2028 || c == 0x2029 ||
         c == 0x202F || c == 0x205F || c == 0x3000;
}

// Other characters that print as nothing: the soft hyphen, the other format
// characters of Unicode (category Cf), combining and Hangul fillers, the
// variation selectors.
bool is_blank_other(char32_t c) {
  return c == 0x00AD || c == 0x034F || in(c, 0x0600, 0x0605) || c == 0x06DD || c == 0x070F ||
         in(c, 0x0890, 0x0891) || c == 0x08E2 || c == 0x115F || c == 0x1160 || c == 0x17B4 ||
         c == 0x17B5 || in(c, 0x180B, 0x180F) || c == 0x3164 || in(c, 0xFE00, 0xFE0F) ||
         c == 0xFFA0 || c == 0x110BD || c == 0x110CD || in(c, 0x13430, 0x1343F) ||
         in(c, 0x1BCA0, 0x1BCA3) || in(c, 0x1D173, 0x1D17A) || in(c, 0xE0100, 0xE01EF);
}

bool is_control(char32_t c) {
  return c < 0x20 || c == 0x7F || in(c, 0x80, 0x9F);
}

bool is_fullwidth_digit(char32_t c) {
  return in(c, 0xFF10, 0xFF19);
}

bool is_hidden(char32_t c) {
  return is_control(c) || is_format(c) || is_other_space(c) || is_blank_other(c) ||
         is_fullwidth_digit(c);
}

std::string code_escape(char32_t code) {
  char out[16];
  if (code <= 0xFFFF) {
    std::snprintf(out, sizeof out, "\\u%04x", static_cast<unsigned>(code));
  } else {
    std::snprintf(out, sizeof out, "\\U%08x", static_cast<unsigned>(code));
  }
  return out;
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
    } else if (c >= 0xD8) {
      // A right-to-left override would turn the rest of a message around.
      const Decoded d = decode(text, i);
      if (d.valid && is_format(d.code)) {
        out += code_escape(d.code);
        i += d.size - 1;
      } else {
        out += text[i];
      }
    } else {
      out += text[i];
    }
  }
  return out;
}

std::optional<HiddenChar> find_hidden(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const Decoded d = decode(text, i);
    if (d.valid && is_hidden(d.code)) return HiddenChar{i, d.code, is_fullwidth_digit(d.code)};
    i += d.size;
  }
  return std::nullopt;
}

std::string code_point_name(char32_t code) {
  struct Named {
    char32_t code;
    const char* name;
  };
  static constexpr Named kNames[] = {
      {0x0009, "tab"},
      {0x00A0, "no-break space"},
      {0x00AD, "soft hyphen"},
      {0x200B, "zero-width space"},
      {0x200C, "zero-width non-joiner"},
      {0x200D, "zero-width joiner"},
      {0x200E, "left-to-right mark"},
      {0x200F, "right-to-left mark"},
      {0x202A, "left-to-right embedding"},
      {0x202B, "right-to-left embedding"},
      {0x202C, "pop directional formatting"},
      {0x202D, "left-to-right override"},
      {0x202E, "right-to-left override"},
      {0x202F, "narrow no-break space"},
      {0x2060, "word joiner"},
      {0x2066, "left-to-right isolate"},
      {0x2067, "right-to-left isolate"},
      {0x2068, "first strong isolate"},
      {0x2069, "pop directional isolate"},
      {0x3000, "ideographic space"},
      {0xFEFF, "zero-width no-break space"},
  };
  char hex[16];
  std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(code));
  std::string out = hex;
  if (is_fullwidth_digit(code))
    return out + " (fullwidth digit " + static_cast<char>('0' + (code - 0xFF10)) + ")";
  for (const Named& n : kNames) {
    if (n.code == code) return out + " (" + n.name + ")";
  }
  return out;
}

std::string escape_hidden(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const Decoded d = decode(text, i);
    if (d.valid && is_hidden(d.code)) {
      out += code_escape(d.code);
    } else {
      out.append(text.substr(i, d.size));
    }
    i += d.size;
  }
  return out;
}

std::string ledger_account_part(std::string_view text) {
  std::string out;
  auto percent = [&out](unsigned char byte) {
    char hex[4];
    std::snprintf(hex, sizeof hex, "%%%02X", byte);
    out += hex;
  };
  for (std::size_t i = 0; i < text.size();) {
    const Decoded d = decode(text, i);
    const char32_t c = d.code;
    const bool kept = d.valid && (in(c, 'a', 'z') || in(c, 'A', 'Z') || in(c, '0', '9') ||
                                  c == '_' || c == '-' || c == '.' || (c >= 0xA0 && !is_hidden(c)));
    if (kept) {
      out.append(text.substr(i, d.size));
    } else {
      for (std::size_t k = 0; k < d.size; ++k) percent(static_cast<unsigned char>(text[i + k]));
    }
    i += d.size;
  }
  return out;
}

std::optional<std::string> dot_grouped_digits(std::string_view text) {
  const std::size_t first = text.find('.');
  if (first == 0 || first > 3 || first == std::string_view::npos || text[0] == '0')
    return std::nullopt;
  std::string digits;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool dot = i >= first && (i - first) % 4 == 0;
    if (dot ? text[i] != '.' : (text[i] < '0' || text[i] > '9')) return std::nullopt;
    if (!dot) digits += text[i];
  }
  // The last group has its three digits: "1.57" and "1.5790" are not grouped.
  if ((text.size() - first) % 4 != 0) return std::nullopt;
  return digits;
}

}  // namespace citfee
