// A TOML text nested without bound is refused before toml++, which recurses
// once per level, would overflow the stack on it.
#include <catch2/catch.hpp>

#include <string>

#include "input/toml_places.hpp"
#include "support.hpp"

using namespace citfee;
using Catch::Matchers::Contains;
using citfee::test::diagnostics_text;

namespace {

std::string repeated(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

bool parses(const std::string& text, Diagnostics& diag) {
  return parse_toml(text, "t.toml", diag).has_value();
}

}  // namespace

TEST_CASE("deep dotted keys, table headers and arrays are refused with their line") {
  for (const std::string& deep :
       {"ok = 1\na" + repeated(".a", 150000) + " = 1\n",
        "ok = 1\n[t" + repeated(".t", 200000) + "]\n",
        "ok = 1\nx = " + repeated("[", 100000) + repeated("]", 100000) + "\n",
        "ok = 1\nx = " + repeated("{a=", 5000) + "1" + repeated("}", 5000) + "\n"}) {
    Diagnostics diag;
    CHECK_FALSE(parses(deep, diag));
    REQUIRE(diag.errors.size() == 1);
    CHECK_THAT(diagnostics_text(diag), Contains("t.toml:2: keys or values nested more than 100"));
  }
}

TEST_CASE("dots in values, strings and comments are not depth") {
  Diagnostics diag;
  const std::string text = "a.b.c = 0.19\ns = \"" + repeated(".", 500) + "\"\nm = \"\"\"\n" +
                           repeated("[.", 300) + "\n\"\"\"\nl = '" + repeated("{", 300) + "'\n# " +
                           repeated(".", 300) + "\n[x.y]\nz = [[1, 2], [3]]\n";
  CHECK(parses(text, diag));
  CHECK(diag.ok());
  Diagnostics shallow;
  CHECK(parses("a" + repeated(".a", 99) + " = 1\n", shallow));
}
