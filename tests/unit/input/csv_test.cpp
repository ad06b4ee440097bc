// The general CSV reader: delimiters, BOM, line ends, RFC 4180 quoting, and
// the problems it must report with their line.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "input/csv.hpp"
#include "input/header.hpp"
#include "support.hpp"

using namespace citfee;
using Catch::Matchers::Contains;
using citfee::test::diagnostics_text;
using Fields = std::vector<std::string>;

namespace {

struct Parsed {
  CsvTable table;
  Diagnostics diag;
};

Parsed parse(std::string_view text) {
  Parsed p;
  p.table = parse_csv(text, "f.csv", p.diag);
  return p;
}

std::vector<int> lines_of(const CsvTable& t) {
  std::vector<int> out;
  for (const auto& r : t.rows) out.push_back(r.line);
  return out;
}

std::vector<int> error_lines(const Diagnostics& d) {
  std::vector<int> out;
  for (const auto& e : d.errors) out.push_back(e.where.line);
  return out;
}

std::string fmt_hex(unsigned char c) {
  const char* digits = "0123456789ABCDEF";
  return std::string("\\x") + digits[c >> 4] + digits[c & 15];
}

}  // namespace

TEST_CASE("csv: comma and semicolon are detected from the header line", "[csv]") {
  auto comma = parse("id,name\n1,a\n");
  CHECK(comma.table.delimiter == ',');
  CHECK(comma.table.header == Fields{"id", "name"});
  REQUIRE(comma.table.rows.size() == 1);
  CHECK(comma.table.rows[0].fields == Fields{"1", "a"});

  auto semicolon = parse("id;name;amount\n1;Comune di Adro, Brescia;12,50\n");
  CHECK(semicolon.table.delimiter == ';');
  REQUIRE(semicolon.table.rows.size() == 1);
  CHECK(semicolon.table.rows[0].fields == Fields{"1", "Comune di Adro, Brescia", "12,50"});
  CHECK(semicolon.diag.ok());

  CHECK(detect_delimiter("a;b,c;d") == ';');
  CHECK(detect_delimiter("a,b;c,d") == ',');
  CHECK(detect_delimiter("a;b,c") == ',');  // a tie goes to the comma
  CHECK(detect_delimiter("id\tname\tpopulation") == '\t');
  CHECK(detect_delimiter("id\tname,x,y") == ',');
  CHECK(detect_delimiter("\"a\tb\",c") == ',');  // a tab inside quotes is text
  CHECK(detect_delimiter("single") == ',');
  CHECK(detect_delimiter("\"x;y;z\",b") == ',');  // quoted semicolons do not count
  CHECK(detect_delimiter("\"a,b,c\";d;e") == ';');
  CHECK(detect_delimiter("a;b\nc,d,e,f") == ';');  // only the first line counts
}

TEST_CASE("csv: the delimiter comes from the header line even after blank lines", "[csv]") {
  // Blank lines before the header are skipped: the delimiter must come from
  // the header, not from the first (blank) line, or a semicolon file reads as
  // one column "id;name" (a bug found here, since fixed).
  auto p = parse("\n\nid;name\n1;a\n");
  CHECK(p.table.delimiter == ';');
  CHECK(p.table.header == Fields{"id", "name"});
  CHECK(p.diag.ok());
}

TEST_CASE("csv: a leading BOM is dropped", "[csv]") {
  auto p = parse("\xEF\xBB\xBFid;name\n1;a\n");
  CHECK(p.diag.ok());
  CHECK(p.table.delimiter == ';');
  CHECK(p.table.header == Fields{"id", "name"});
  CHECK(p.table.column("id") == 0);
}

TEST_CASE("csv: CRLF and lone CR line ends", "[csv]") {
  for (const char* text : {"id,name\r\n1,a\r\n2,b\r\n", "id,name\r1,a\r2,b\r",
                           "id,name\r\n1,a\n2,b", "id,name\n1,a\r\n2,b\r\n"}) {
    INFO(text);
    auto p = parse(text);
    CHECK(p.diag.ok());
    CHECK(p.table.header == Fields{"id", "name"});
    REQUIRE(p.table.rows.size() == 2);
    CHECK(p.table.rows[0].fields == Fields{"1", "a"});
    CHECK(p.table.rows[1].fields == Fields{"2", "b"});
    CHECK(lines_of(p.table) == std::vector<int>{2, 3});
  }
}

TEST_CASE("csv: quoted fields hold delimiters, doubled quotes and line breaks", "[csv]") {
  auto p = parse(
      "id,name,note\n"
      "1,\"Comune di \"\"Prova\"\", con virgola\",x\n"
      "2,\"two\nlines\",y\n"
      "3,\"three\r\nlines\r\nhere\",z\n"
      "4,\"\",\"\"\"\"\n"
      "5,last,w\n");
  INFO(diagnostics_text(p.diag));
  CHECK(p.diag.ok());
  REQUIRE(p.table.rows.size() == 5);
  CHECK(p.table.rows[0].fields == Fields{"1", "Comune di \"Prova\", con virgola", "x"});
  CHECK(p.table.rows[1].fields == Fields{"2", "two\nlines", "y"});
  CHECK(p.table.rows[2].fields == Fields{"3", "three\r\nlines\r\nhere", "z"});
  CHECK(p.table.rows[3].fields == Fields{"4", "", "\""});
  CHECK(p.table.rows[4].fields == Fields{"5", "last", "w"});
  // Rows start on the physical line where they begin, line breaks in quotes counted.
  CHECK(lines_of(p.table) == std::vector<int>{2, 3, 5, 8, 9});
}

TEST_CASE("csv: quoted line breaks with lone CR also count as lines", "[csv]") {
  auto p = parse("id,name\r1,\"a\rb\"\r2,c\r");
  CHECK(p.diag.ok());
  REQUIRE(p.table.rows.size() == 2);
  CHECK(p.table.rows[0].fields[1] == "a\rb");
  CHECK(lines_of(p.table) == std::vector<int>{2, 4});
}

TEST_CASE("csv: a quote that is never closed names the line where it opened", "[csv]") {
  auto p = parse("id,name\n1,ok\n2,\"never\nclosed\n3,x\n");
  REQUIRE(p.diag.errors.size() == 1);
  CHECK(p.diag.errors[0].where.line == 3);
  CHECK(p.diag.errors[0].where.file == "f.csv");
  CHECK_THAT(p.diag.errors[0].message, Contains("never closed"));
  REQUIRE(p.table.rows.size() == 1);  // the broken row is left out
  CHECK(p.table.rows[0].fields == Fields{"1", "ok"});
}

TEST_CASE("csv: text after a closing quote is an error on its line", "[csv]") {
  auto p = parse("id,name\n1,\"two\nlines\"\n2,\"a\"b\n3,c\n");
  REQUIRE(p.diag.errors.size() == 1);
  CHECK(p.diag.errors[0].where.line == 4);
  CHECK_THAT(p.diag.errors[0].message, Contains("closing quote"));
  CHECK(lines_of(p.table) == std::vector<int>{2, 5});
  REQUIRE(p.table.rows.size() == 2);
  CHECK(p.table.rows[1].fields == Fields{"3", "c"});
}

TEST_CASE("csv: rows with more or fewer fields than the header", "[csv]") {
  auto p = parse("id,name\n1,a,extra\n2\n3,\"c\nd\"\n4,e,f,g\n5,ok\n");
  CHECK(error_lines(p.diag) == std::vector<int>{2, 3, 6});
  REQUIRE(p.diag.errors.size() == 3);
  CHECK_THAT(p.diag.errors[0].message, Contains("3 fields"));
  CHECK_THAT(p.diag.errors[0].message, Contains("header has 2"));
  CHECK_THAT(p.diag.errors[1].message, Contains("1 fields"));
  CHECK_THAT(p.diag.errors[2].message, Contains("4 fields"));
  CHECK_THAT(p.diag.errors[0].str(), Contains("f.csv:2"));
  CHECK(lines_of(p.table) == std::vector<int>{4, 7});
}

TEST_CASE("csv: a byte that is not UTF-8 is named with its line and field", "[csv]") {
  auto p = parse("id,name\n1,Sal\xC3\xB2\n2,Sal\xF2\n3,Temu\n");
  REQUIRE(p.diag.errors.size() == 1);
  const Diagnostic& d = p.diag.errors[0];
  CHECK(d.where.line == 3);
  CHECK(d.where.column == 2);
  CHECK(d.str().rfind("f.csv:3:2: ", 0) == 0);
  CHECK_THAT(d.message, Contains("0xF2"));
  CHECK_THAT(d.message, Contains("UTF-8"));
  REQUIRE(p.table.rows.size() == 2);
  CHECK(p.table.rows[0].fields[1] == "Sal\xC3\xB2");
  CHECK(p.table.rows[1].line == 4);
}

TEST_CASE("csv: a Latin-1 byte inside a quoted multi-line field", "[csv]") {
  auto p = parse("id,name\n1,\"Citt\xE0\nalta\"\n2,ok\n");
  REQUIRE(p.diag.errors.size() == 1);
  CHECK(p.diag.errors[0].where.line == 2);
  CHECK(p.diag.errors[0].where.column == 2);
  CHECK(lines_of(p.table) == std::vector<int>{4});
}

TEST_CASE("csv: blank lines are skipped; rows keep their physical line", "[csv]") {
  auto p = parse("\n\nid,name\n\n1,a\n\n\n2,b\n\r\n");
  CHECK(p.diag.ok());
  CHECK(p.table.header_line == 3);
  CHECK(p.table.header == Fields{"id", "name"});
  CHECK(lines_of(p.table) == std::vector<int>{5, 8});
}

TEST_CASE("csv: header names are lower-cased and trimmed; cells are kept as written", "[csv]") {
  auto p = parse(" ID ,\tName\t, Population\n 017001 , Comune di Adro ,7114\n");
  CHECK(p.table.header == Fields{"id", "name", "population"});
  CHECK(p.table.column("population") == 2);
  CHECK(p.table.column("Population") == -1);
  CHECK(p.table.column("pec") == -1);
  REQUIRE(p.table.rows.size() == 1);
  CHECK(p.table.rows[0].fields[0] == " 017001 ");
  const Location at = p.table.at(p.table.rows[0], 2);
  CHECK(at.file == "f.csv");
  CHECK(at.line == 2);
  CHECK(at.column == 3);
  CHECK(at.str() == "f.csv:2:3");
}

TEST_CASE("csv: empty input gives an empty header and no error", "[csv]") {
  for (const char* text : {"", "\xEF\xBB\xBF", "\n\n", "\r\n"}) {
    auto p = parse(text);
    CHECK(p.diag.ok());
    CHECK(p.table.header.empty());
    CHECK(p.table.rows.empty());
    CHECK(p.table.file == "f.csv");
  }
  auto header_only = parse("id,name");
  CHECK(header_only.table.header == Fields{"id", "name"});
  CHECK(header_only.table.header_line == 1);
  CHECK(header_only.table.rows.empty());
}

TEST_CASE("csv: the last row needs no line end; empty trailing fields count", "[csv]") {
  auto p = parse("id,name,pec\n1,a,\n2,b,x");
  CHECK(p.diag.ok());
  REQUIRE(p.table.rows.size() == 2);
  CHECK(p.table.rows[0].fields == Fields{"1", "a", ""});
  CHECK(p.table.rows[1].fields == Fields{"2", "b", "x"});
}

TEST_CASE(
    "csv: trailing nameless empty columns are dropped, a nameless column with a value is kept",
    "[csv]") {
  auto empty_tail = parse("id,name,,\n1,a,,\n2,b,,\n");
  CHECK(empty_tail.diag.ok());
  CHECK(empty_tail.table.header == Fields{"id", "name"});
  REQUIRE(empty_tail.table.rows.size() == 2);
  CHECK(empty_tail.table.rows[1].fields == Fields{"2", "b"});

  auto with_value = parse("id,,\n1,x,\n");
  CHECK(with_value.table.header == Fields{"id", ""});
  REQUIRE(with_value.table.rows.size() == 1);
  CHECK(with_value.table.rows[0].fields == Fields{"1", "x"});
}

TEST_CASE("csv: every problem is reported, not only the first", "[csv]") {
  auto p = parse("id,name\n1,\"a\"x\n2,b,c\n3,\xFF\n4,ok\n");
  CHECK(error_lines(p.diag) == std::vector<int>{2, 3, 4});
  CHECK(lines_of(p.table) == std::vector<int>{5});
}

TEST_CASE("find_invalid_utf8", "[csv][utf8]") {
  constexpr auto npos = std::string_view::npos;
  // Valid text.
  CHECK(find_invalid_utf8("") == npos);
  CHECK(find_invalid_utf8("Comune di Adro") == npos);
  CHECK(find_invalid_utf8("Sal\xC3\xB2, Ro\xC3\xA8") == npos);
  CHECK(find_invalid_utf8("\xC2\x80") == npos);          // U+0080, smallest 2-byte
  CHECK(find_invalid_utf8("\xE2\x82\xAC") == npos);      // €
  CHECK(find_invalid_utf8("\xEF\xBF\xBF") == npos);      // U+FFFF
  CHECK(find_invalid_utf8("\xED\x9F\xBF") == npos);      // U+D7FF, just below the surrogates
  CHECK(find_invalid_utf8("\xEE\x80\x80") == npos);      // U+E000, just above them
  CHECK(find_invalid_utf8("\xF0\x9F\x98\x80") == npos);  // emoji
  CHECK(find_invalid_utf8("\xF4\x8F\xBF\xBF") == npos);  // U+10FFFF
  // Overlong forms.
  CHECK(find_invalid_utf8("\xC0\xAF") == 0);
  CHECK(find_invalid_utf8("\xC1\xBF") == 0);
  CHECK(find_invalid_utf8("ab\xE0\x80\xAF") == 2);
  CHECK(find_invalid_utf8("\xE0\x9F\xBF") == 0);
  CHECK(find_invalid_utf8("\xF0\x80\x80\xAF") == 0);
  CHECK(find_invalid_utf8("\xF0\x8F\xBF\xBF") == 0);
  // Surrogates.
  CHECK(find_invalid_utf8("\xED\xA0\x80") == 0);
  CHECK(find_invalid_utf8("x\xED\xBF\xBF") == 1);
  // Past U+10FFFF, and bytes that never start a character.
  CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0);
  CHECK(find_invalid_utf8("\xF5\x80\x80\x80") == 0);
  CHECK(find_invalid_utf8("\xF8\x88\x80\x80\x80") == 0);
  CHECK(find_invalid_utf8("\xFF") == 0);
  CHECK(find_invalid_utf8("\xFE") == 0);
  CHECK(find_invalid_utf8("abc\x80") == 3);  // a lone continuation byte
  // Truncated sequences.
  CHECK(find_invalid_utf8("ab\xC3") == 2);
  CHECK(find_invalid_utf8("\xE2\x82") == 0);
  CHECK(find_invalid_utf8("\xF0\x9F\x98") == 0);
  CHECK(find_invalid_utf8("\xC3(") == 0);  // continuation missing
  CHECK(find_invalid_utf8("\xE2\x82(") == 0);
  CHECK(find_invalid_utf8("ok\xC3\xB2\xF2") == 4);  // Latin-1 ò after a good one
}

TEST_CASE("find_invalid_utf8 accepts every scalar value encoded by a reference encoder",
          "[csv][utf8][property]") {
  // Writes the UTF-8 form of `cp` into `out`; returns its length.
  auto encode = [](char32_t cp, char* out) -> std::size_t {
    if (cp < 0x80) {
      out[0] = static_cast<char>(cp);
      return 1;
    }
    if (cp < 0x800) {
      out[0] = static_cast<char>(0xC0 | (cp >> 6));
      out[1] = static_cast<char>(0x80 | (cp & 0x3F));
      return 2;
    }
    if (cp < 0x10000) {
      out[0] = static_cast<char>(0xE0 | (cp >> 12));
      out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out[2] = static_cast<char>(0x80 | (cp & 0x3F));
      return 3;
    }
    out[0] = static_cast<char>(0xF0 | (cp >> 18));
    out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[3] = static_cast<char>(0x80 | (cp & 0x3F));
    return 4;
  };
  int wrong = 0;
  char32_t first_wrong = 0;
  char buffer[4];
  for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    const bool surrogate = cp >= 0xD800 && cp <= 0xDFFF;
    const std::string_view s(buffer, encode(cp, buffer));
    const bool accepted = find_invalid_utf8(s) == std::string_view::npos;
    if (accepted == surrogate) {
      if (wrong++ == 0) first_wrong = cp;
    }
    // Every proper prefix of a multi-byte sequence is cut short.
    if (s.size() > 1 && !surrogate && find_invalid_utf8(s.substr(0, s.size() - 1)) != 0) {
      if (wrong++ == 0) first_wrong = cp;
    }
  }
  INFO("first wrong code point: " << static_cast<unsigned long>(first_wrong));
  CHECK(wrong == 0);
}

namespace {

// Unicode Table 3-7, "Well-Formed UTF-8 Byte Sequences", written out: the
// position where the first ill-formed sequence starts, or npos.
std::size_t reference_invalid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = b(i);
    if (c <= 0x7F) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    unsigned char lo = 0x80;
    unsigned char hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c == 0xE0) {
      len = 3, lo = 0xA0;
    } else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) {
      len = 3;
    } else if (c == 0xED) {
      len = 3, hi = 0x9F;
    } else if (c == 0xF0) {
      len = 4, lo = 0x90;
    } else if (c >= 0xF1 && c <= 0xF3) {
      len = 4;
    } else if (c == 0xF4) {
      len = 4, hi = 0x8F;
    } else {
      return i;
    }
    if (i + len > s.size()) return i;
    if (b(i + 1) < lo || b(i + 1) > hi) return i;
    for (std::size_t k = 2; k < len; ++k) {
      if (b(i + k) < 0x80 || b(i + k) > 0xBF) return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

}  // namespace

TEST_CASE("find_invalid_utf8 agrees with Unicode Table 3-7 on every short byte string",
          "[csv][utf8][property]") {
  long wrong = 0;
  std::string first;
  auto check = [&](std::string_view s) {
    if (find_invalid_utf8(s) != reference_invalid_utf8(s) && wrong++ == 0) {
      for (unsigned char c : s) first += fmt_hex(c);
    }
  };
  // Every string of one, two and three bytes (three only from a lead byte of
  // three or more), and four-byte strings with every lead and second byte and
  // the boundary values of the continuation ranges in the others.
  const int edges[] = {0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF};
  char s[4];
  for (int a = 0; a < 256; ++a) {
    s[0] = static_cast<char>(a);
    check(std::string_view(s, 1));
    for (int b = 0; b < 256; ++b) {
      s[1] = static_cast<char>(b);
      check(std::string_view(s, 2));
      if (a < 0xE0) continue;
      for (int c = 0; c < 256; ++c) {
        s[2] = static_cast<char>(c);
        check(std::string_view(s, 3));
      }
      if (a < 0xF0) continue;
      for (int c : edges) {
        s[2] = static_cast<char>(c);
        for (int d : edges) {
          s[3] = static_cast<char>(d);
          check(std::string_view(s, 4));
        }
      }
    }
  }
  INFO("first disagreement on bytes " << first);
  CHECK(wrong == 0);
}

TEST_CASE("csv: NUL and control characters are refused with line and column", "[csv]") {
  using namespace std::string_literals;
  const Parsed p = parse("id,name\n1,ok\n2,a\0b\n3,\"x\x1b[2J\"\n4,tab\there\n"s);
  CHECK(lines_of(p.table) == std::vector<int>{2, 5});
  REQUIRE(p.diag.errors.size() == 2);
  CHECK(p.diag.errors[0].where.str() == "f.csv:3:2");
  CHECK_THAT(p.diag.errors[0].message, Contains("\\x00"));
  CHECK(p.diag.errors[1].where.str() == "f.csv:4:2");
  CHECK_THAT(p.diag.errors[1].message, Contains("\\x1b"));
}

TEST_CASE("csv: a control character in the header is refused too", "[csv]") {
  const Parsed p = parse("id,na\x07me\n1,x\n");
  REQUIRE(p.diag.errors.size() == 1);
  CHECK(p.diag.errors[0].where.str() == "f.csv:1:2");
}

TEST_CASE("csv: a record longer than 1 MiB stops the reading with one message", "[csv]") {
  std::string text = "id,name\n1," + std::string(kMaxCsvRecord, 'x') + "\n2,y\n";
  try {
    parse(text);
    FAIL("a record of more than 1 MiB was read");
  } catch (const Error& e) {
    CHECK(e.failure() == Failure::kBadData);
    CHECK_THAT(e.what(), Contains("f.csv:2: a record of more than 1 MiB"));
  }
  // A little under the limit is a record like any other.
  const Parsed q = parse("id,name\n1," + std::string(kMaxCsvRecord - 8, 'x') + "\n");
  CHECK(q.diag.errors.empty());
  CHECK(q.table.rows.size() == 1);
}
