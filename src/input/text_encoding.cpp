#include "input/text_encoding.hpp"

#include <iconv.h>

#include <algorithm>

#include "input/csv.hpp"

namespace citfee {

namespace {

// `bytes` from encoding `from` to UTF-8; none on a malformed or undefined
// character. `growth` bounds the UTF-8 bytes per input byte.
std::optional<std::string> to_utf8(const char* from, std::string_view bytes, std::size_t growth) {
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  std::string out(bytes.size() * growth, '\0');
  char* in = const_cast<char*>(bytes.data());  // iconv's signature; not written to
  std::size_t in_left = bytes.size();
  char* to = out.data();
  std::size_t out_left = out.size();
  const std::size_t done = iconv(cd, &in, &in_left, &to, &out_left);
  iconv_close(cd);
  if (done == static_cast<std::size_t>(-1) || in_left != 0) return std::nullopt;
  out.resize(out.size() - out_left);
  return out;
}

}  // namespace

std::optional<std::string> windows1252_to_utf8(std::string_view bytes) {
  // A byte of Windows-1252 is at most three bytes of UTF-8.
  return to_utf8("WINDOWS-1252", bytes, 3);
}

bool has_utf16_bom(std::string_view bytes) {
  return bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF";
}

std::optional<std::string> utf16_to_utf8(std::string_view bytes) {
  // "UTF-16" takes the byte order from the mark and drops it. Two bytes of
  // UTF-16 are at most three of UTF-8, four (a surrogate pair) exactly four.
  return to_utf8("UTF-16", bytes, 2);
}

// UTF-16 without a byte order mark, as some exports write it: a table's
// text is mostly ASCII, so every other byte of its start is a NUL. The order
// that puts the NULs second is little-endian. Empty when it is not so.
const char* utf16_without_bom(std::string_view bytes) {
  const std::size_t n = std::min<std::size_t>(bytes.size(), 512) & ~std::size_t{1};
  if (n < 4) return nullptr;
  std::size_t even = 0, odd = 0;
  for (std::size_t i = 0; i < n; i += 2) {
    even += bytes[i] == '\0';
    odd += bytes[i + 1] == '\0';
  }
  const std::size_t pairs = n / 2;
  if (even == 0 && odd * 10 >= pairs * 9) return "UTF-16LE";
  if (odd == 0 && even * 10 >= pairs * 9) return "UTF-16BE";
  return nullptr;
}

DecodedText decode_text(std::string bytes) {
  if (has_utf16_bom(bytes)) {
    if (auto text = utf16_to_utf8(bytes)) return {std::move(*text), TextEncoding::kUtf16};
    return {std::move(bytes), TextEncoding::kUtf8};
  }
  if (const char* order = utf16_without_bom(bytes)) {
    if (auto text = to_utf8(order, bytes, 2)) return {std::move(*text), TextEncoding::kUtf16};
  }
  if (find_invalid_utf8(bytes) == std::string::npos) return {std::move(bytes), TextEncoding::kUtf8};
  if (auto text = windows1252_to_utf8(bytes)) return {std::move(*text), TextEncoding::kWindows1252};
  return {std::move(bytes), TextEncoding::kUtf8};
}

std::string encoding_note(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::kWindows1252:
      return "not UTF-8: read as Windows-1252";
    case TextEncoding::kUtf16:
      return "read as UTF-16 (Excel's \"Unicode text\")";
    case TextEncoding::kUtf8:
      break;
  }
  return "";
}

std::string decode_input(std::string bytes, const std::string& file, Diagnostics& diag) {
  DecodedText decoded = decode_text(std::move(bytes));
  if (decoded.encoding != TextEncoding::kUtf8)
    diag.note({file, 0, 0}, encoding_note(decoded.encoding));
  return std::move(decoded.text);
}

}  // namespace citfee
