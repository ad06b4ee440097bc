// Text files as Windows programs save them: Windows-1252 and UTF-16 with its
// mark are read as UTF-8; anything else is left for the reader to report.
#include <catch2/catch.hpp>

#include <string>

#include "input/csv.hpp"
#include "input/text_encoding.hpp"

using namespace citfee;

namespace {

std::string bytes(std::initializer_list<unsigned char> list) {
  return std::string(list.begin(), list.end());
}

}  // namespace

TEST_CASE("UTF-16 with its mark, either byte order, reads as UTF-8") {
  // "Salò €" little-endian, then big-endian.
  const std::string le = bytes({0xFF, 0xFE, 'S', 0, 'a', 0, 'l', 0, 0xF2, 0, ' ', 0, 0xAC, 0x20});
  const std::string be = bytes({0xFE, 0xFF, 0, 'S', 0, 'a', 0, 'l', 0, 0xF2, 0, ' ', 0x20, 0xAC});
  CHECK(has_utf16_bom(le));
  CHECK(has_utf16_bom(be));
  CHECK(utf16_to_utf8(le) == "Salò €");
  CHECK(utf16_to_utf8(be) == "Salò €");
  // A character outside the basic plane is a surrogate pair: U+1F600.
  CHECK(utf16_to_utf8(bytes({0xFF, 0xFE, 0x3D, 0xD8, 0x00, 0xDE})) == "\xF0\x9F\x98\x80");
  // A lone high surrogate and an odd byte at the end are malformed.
  CHECK_FALSE(utf16_to_utf8(bytes({0xFF, 0xFE, 0x3D, 0xD8, 'a', 0})));
  CHECK_FALSE(utf16_to_utf8(bytes({0xFF, 0xFE, 'a', 0, 'b'})));
}

TEST_CASE("Windows-1252 reads as UTF-8, its undefined bytes do not") {
  CHECK(windows1252_to_utf8(bytes({'S', 'a', 'l', 0xF2})) == "Salò");
  CHECK(windows1252_to_utf8(bytes({0x80, 0x92})) == "€’");
  for (unsigned char undefined : {0x81, 0x8D, 0x8F, 0x90, 0x9D})
    CHECK_FALSE(windows1252_to_utf8(bytes({'a', undefined})));
}

TEST_CASE("decode_text: one rule for every text input") {
  DecodedText utf8 = decode_text("Salò;Comunità");
  CHECK(utf8.encoding == TextEncoding::kUtf8);
  CHECK(utf8.text == "Salò;Comunità");

  DecodedText cp1252 = decode_text(bytes({'S', 'a', 'l', 0xF2}));
  CHECK(cp1252.encoding == TextEncoding::kWindows1252);
  CHECK(cp1252.text == "Salò");

  DecodedText utf16 = decode_text(bytes({0xFF, 0xFE, 'i', 0, 'd', 0}));
  CHECK(utf16.encoding == TextEncoding::kUtf16);
  CHECK(utf16.text == "id");

  // Neither: the bytes stay as they are, so the CSV reader names the byte.
  const std::string neither = bytes({'a', 0x81});
  DecodedText kept = decode_text(neither);
  CHECK(kept.encoding == TextEncoding::kUtf8);
  CHECK(kept.text == neither);
  CHECK(find_invalid_utf8(kept.text) == 1);

  CHECK(encoding_note(TextEncoding::kUtf8).empty());
  CHECK_FALSE(encoding_note(TextEncoding::kWindows1252).empty());
}

TEST_CASE("decoded UTF-8 is always valid UTF-8, on every single byte") {
  for (int b = 0; b < 256; ++b) {
    DecodedText d = decode_text(std::string("x") + static_cast<char>(b));
    if (d.encoding != TextEncoding::kUtf8) CHECK(find_invalid_utf8(d.text) == std::string::npos);
  }
}

TEST_CASE("UTF-16 without a mark is told by its NULs, in either byte order") {
  const DecodedText le = decode_text(bytes({'i', 0, 'd', 0, ';', 0, 0xF2, 0, '\n', 0}));
  CHECK(le.encoding == TextEncoding::kUtf16);
  CHECK(le.text == "id;ò\n");
  const DecodedText be = decode_text(bytes({0, 'i', 0, 'd', 0, ';', 0, 0xF2, 0, '\n'}));
  CHECK(be.encoding == TextEncoding::kUtf16);
  CHECK(be.text == "id;ò\n");
  // A NUL here and there in UTF-8 text is no UTF-16: the readers refuse it.
  const DecodedText nul = decode_text(bytes({'i', 'd', 0, 'x', 'y', 'z', '\n', 'a'}));
  CHECK(nul.encoding == TextEncoding::kUtf8);
}
