// Control characters: found in inputs, escaped in what citfee shows.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "core/text.hpp"

using namespace citfee;

TEST_CASE("find_control finds C0, DEL and C1 but not tab, line ends or letters") {
  using namespace std::string_literals;
  CHECK(find_control("Comune di Adro") == std::string::npos);
  CHECK(find_control("a\tb\r\nc") == std::string::npos);
  CHECK(find_control("Comunità montana €") == std::string::npos);  // U+00E0, U+20AC
  CHECK(find_control("ab\0c"s) == 2);
  CHECK(find_control("x\x1b[2J") == 1);
  CHECK(find_control("x\x7f") == 1);
  CHECK(find_control("xy\xc2\x9b"
                     "2J") == 2);                        // CSI, U+009B
  CHECK(find_control("\xc2\xa0") == std::string::npos);  // NBSP is text
}

TEST_CASE("escape_controls writes every byte of a control as an escape, and nothing else") {
  using namespace std::string_literals;
  CHECK(escape_controls("Comunità\ttab") == "Comunità\ttab");
  CHECK(escape_controls("a\0b"s) == "a\\x00b");
  CHECK(escape_controls("\x1b]0;x\x07") == "\\x1b]0;x\\x07");
  CHECK(escape_controls("a\rb\nc") == "a\\x0db\nc");
  CHECK(escape_controls("\xc2\x9b"
                        "1m") == "\\u009b1m");
  // Every single byte below 0x20 but tab and LF is escaped; none survives.
  for (int c = 0; c < 0x20; ++c) {
    const std::string out = escape_controls(std::string(1, static_cast<char>(c)));
    if (c == '\t' || c == '\n') {
      CHECK(out.size() == 1);
    } else {
      CHECK(out.size() == 4);
      CHECK(find_control(out) == std::string::npos);
    }
  }
}

TEST_CASE("escape_controls escapes bidirectional and zero-width characters too", "[text]") {
  // U+202E (right-to-left override), U+2066 (isolate), U+200B, U+FEFF.
  CHECK(escape_controls("Comune di \xe2\x80\xae"
                        "ordA") == "Comune di \\u202eordA");
  CHECK(escape_controls("a\xe2\x81\xa6"
                        "b\xe2\x80\x8b"
                        "c\xef\xbb\xbf") == "a\\u2066b\\u200bc\\ufeff");
  // Letters, the euro sign and a no-break space are text.
  CHECK(escape_controls("Comunità €\xc2\xa0x") == "Comunità €\xc2\xa0x");
}

TEST_CASE("find_hidden finds what does not show, and fullwidth digits", "[text][ids]") {
  CHECK_FALSE(find_hidden("017001"));
  CHECK_FALSE(find_hidden("A:1 Comunità"));
  const char* hidden[] = {
      "\xe2\x80\x8b",  // U+200B
      "\xe2\x80\x8c",  // U+200C
      "\xe2\x80\x8d",  // U+200D
      "\xe2\x81\xa0",  // U+2060
      "\xef\xbb\xbf",  // U+FEFF
      "\xe2\x80\x8e",  // U+200E
      "\xe2\x80\x8f",  // U+200F
      "\xe2\x80\xaa",  // U+202A
      "\xe2\x80\xae",  // U+202E
      "\xe2\x81\xa6",  // U+2066
      "\xe2\x81\xa9",  // U+2069
      "\xc2\xa0",      // U+00A0
      "\xe2\x80\xaf",  // U+202F
      "\xe3\x80\x80",  // U+3000
      "\xc2\xad",      // U+00AD
      "\xc2\x85",      // U+0085, C1
      "\t",
      "\x1b",
      "\xf3\xa0\x80\x81",  // U+E0001, a tag
  };
  for (const char* h : hidden) {
    INFO(escape_hidden(h));
    const std::string id = std::string("017") + h + "001";
    const auto found = find_hidden(id);
    REQUIRE(found);
    CHECK(found->pos == 3);
    CHECK_FALSE(found->digit_like);
  }
  const auto digit = find_hidden("01700\xef\xbc\x91");  // U+FF11
  REQUIRE(digit);
  CHECK(digit->code == 0xFF11);
  CHECK(digit->digit_like);
  CHECK(code_point_name(0xFF11) == "U+FF11 (fullwidth digit 1)");
  CHECK(code_point_name(0x200B) == "U+200B (zero-width space)");
  CHECK(code_point_name(0x202E) == "U+202E (right-to-left override)");
  CHECK(code_point_name(0x1680) == "U+1680");
  CHECK(escape_hidden("017001\xe2\x80\x8b") == "017001\\u200b");
}

TEST_CASE("ledger_account_part is reversible and never holds a space", "[text][ids]") {
  CHECK(ledger_account_part("017001") == "017001");
  CHECK(ledger_account_part("Comunità-1.a_b") == "Comunità-1.a_b");
  CHECK(ledger_account_part("A:1") == "A%3A1");
  CHECK(ledger_account_part("A 1") == "A%201");
  CHECK(ledger_account_part("A%3A1") == "A%253A1");
  const std::vector<std::string> ids = {
      "A:1",
      "A_1",
      "A 1",
      "A;1",
      "A  1",
      "A\t1",
      "A%3A1",
      "A%253A1",
      "A%201",
      "a:1",
      "A\xc2\xa0\xc2\xa0"
      "1",
      "A\xe2\x80\xaf"
      "1",
      "A(1)",
      "[A1]",
      "A1",
      "A-1",
      "A.1",
      "A/1",
      "A\\1",
      "A#1",
      "A@1",
      "A=1",
      "A*1",
      "A!1",
      "A\xe2\x80\x8b"
      "1",
  };
  std::set<std::string> parts;
  for (const std::string& id : ids) {
    const std::string part = ledger_account_part(id);
    INFO(escape_hidden(id) << " -> " << part);
    CHECK(part.find(' ') == std::string::npos);
    CHECK(part.find(':') == std::string::npos);
    CHECK(part.find(';') == std::string::npos);
    CHECK(part.find('\t') == std::string::npos);
    CHECK_FALSE(find_hidden(part));
    parts.insert(part);
  }
  CHECK(parts.size() == ids.size());
}

TEST_CASE("dot_grouped_digits reads Italian thousands dots only", "[text][population]") {
  CHECK(dot_grouped_digits("1.579") == "1579");
  CHECK(dot_grouped_digits("196.670") == "196670");
  CHECK(dot_grouped_digits("1.234.567") == "1234567");
  for (const char* other : {"1579", "1.57", "1,579", "1.5790", "1.579,00", "1.57.9", ".579",
                            "1234.567", "0.579", "1.", "1..579", "1 579", "", "a.bcd"}) {
    INFO(other);
    CHECK_FALSE(dot_grouped_digits(other));
  }
}
