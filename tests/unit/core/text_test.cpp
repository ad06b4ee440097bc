// Control characters: found in inputs, escaped in what citfee shows.
#include <catch2/catch.hpp>

#include <string>

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
