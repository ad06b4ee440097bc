// The writers of report.hpp: CSV/TSV quoting and formula injection, decimal
// comma, JSON escaping, and the aligned table with its total.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "input/csv.hpp"
#include "input/tariff_source.hpp"
#include "output/delimited.hpp"
#include "output/formats.hpp"
#include "output/json.hpp"
#include "output/table.hpp"
#include "present/annual_rows.hpp"
#include "present/semester_rows.hpp"

using namespace citfee;
using Catch::Matchers::Contains;
using Catch::Matchers::EndsWith;
using Catch::Matchers::StartsWith;

namespace {

Money M(const char* text) {
  return Money::parse(text);
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> out;
  std::string line;
  std::istringstream in(text);
  while (std::getline(in, line)) out.push_back(line);
  return out;
}

// A report with one text, one integer, one amount, one decimal and one date column.
Report sample() {
  Report r;
  r.command = "annual";
  r.about = {{"year", Cell::of_integer(2026)}, {"tariff", Cell::of_text("cit-2026")}};
  r.columns = {"id", "name", "population", "coefficient", "annual_fee", "due_date"};
  r.total_column = 4;
  r.rows.push_back({Cell::of_text("017001"), Cell::of_text("Comune di Acquafredda"),
                    Cell::of_integer(1579), Cell::of_decimal(M("0.19")), Cell::of_amount(M("300")),
                    Cell::of_date({2026, 3, 31})});
  r.rows.push_back({Cell::of_text("017043"), Cell::of_text("Castelcovati"), Cell::of_integer(5020),
                    Cell::of_decimal(M("0.175")), Cell::of_amount(M("879")),
                    Cell::of_date({2026, 3, 31})});
  r.rows.push_back({Cell::of_text("CM01"), Cell::of_text("Comunità Montana"), Cell::empty(),
                    Cell::empty(), Cell::of_amount(M("300")), Cell::of_date({2026, 3, 31})});
  return r;
}

// A one-column text report.
Report texts(const std::vector<std::string>& values) {
  Report r;
  r.command = "test";
  r.columns = {"text"};
  for (const auto& v : values) r.rows.push_back({Cell::of_text(v)});
  return r;
}

}  // namespace

TEST_CASE("cells as text", "[writers]") {
  CHECK(Cell::empty().str() == "");
  CHECK(Cell::of_text("abc").str() == "abc");
  CHECK(Cell::of_integer(-42).str() == "-42");
  CHECK(Cell::of_amount(M("875")).str() == "875.00");
  CHECK(Cell::of_amount(M("-12.5")).str(',') == "-12,50");
  CHECK(Cell::of_decimal(M("875.175")).str() == "875.175");
  CHECK(Cell::of_decimal(M("0.19")).str(',') == "0,19");
  CHECK(Cell::of_decimal(M("300")).str() == "300.00");
  CHECK(Cell::of_date({2027, 1, 31}).str() == "2027-01-31");
  CHECK(Cell::of_integer(1).is_number());
  CHECK(Cell::of_amount(M("1")).is_number());
  CHECK(Cell::of_decimal(M("1")).is_number());
  CHECK_FALSE(Cell::of_text("1").is_number());
  CHECK_FALSE(Cell::of_date({2026, 1, 1}).is_number());
  CHECK_FALSE(Cell::empty().is_number());
}

TEST_CASE("csv: header, one line per row, two decimals, no total", "[writers][csv]") {
  const std::string out = write_delimited(sample(), ',', {});
  const auto lines = split_lines(out);
  REQUIRE(lines.size() == 4);
  CHECK(lines[0] == "id,name,population,coefficient,annual_fee,due_date");
  CHECK(lines[1] == "017001,Comune di Acquafredda,1579,0.19,300.00,2026-03-31");
  CHECK(lines[2] == "017043,Castelcovati,5020,0.175,879.00,2026-03-31");
  CHECK(lines[3] == "CM01,Comunità Montana,,,300.00,2026-03-31");
  CHECK_THAT(out, EndsWith("\n"));
  CHECK(out.find("Totale") == std::string::npos);
  CHECK(render(sample(), "csv", {}) == out);
}

TEST_CASE("csv: quoting of delimiters, quotes and line breaks round-trips through the reader",
          "[writers][csv]") {
  const std::vector<std::string> values = {"plain",
                                           "a,b",
                                           "say \"hi\"",
                                           "two\nlines",
                                           "cr\ronly",
                                           "crlf\r\nline",
                                           "\"",
                                           "",
                                           "semi;colon",
                                           "trailing,",
                                           "Comune di \"Prova\", con virgola",
                                           "Salò, Temù"};
  const Report r = texts(values);
  const std::string out = write_delimited(r, ',', {});
  CHECK_THAT(out, Contains("\"a,b\""));
  CHECK_THAT(out, Contains("\"say \"\"hi\"\"\""));
  CHECK_THAT(out, Contains("\"two\nlines\""));
  CHECK_THAT(out, Contains("\nsemi;colon\n"));  // no need to quote ';' in a comma file
  CHECK_THAT(out, Contains("\nplain\n"));
  Diagnostics diag;
  // A second column keeps the empty value from reading as a blank line.
  Report two = r;
  two.columns.push_back("n");
  for (auto& row : two.rows) row.push_back(Cell::of_integer(1));
  CsvTable back = parse_csv(write_delimited(two, ',', {}), "out.csv", diag);
  CHECK(diag.ok());
  REQUIRE(back.rows.size() == values.size());
  for (std::size_t i = 0; i < values.size(); ++i) CHECK(back.rows[i].fields[0] == values[i]);
}

TEST_CASE("csv: text cells that a spreadsheet would run as a formula get a leading quote",
          "[writers][csv]") {
  for (const char* text :
       {"=SOMMA(A1:A9)", "+39 030 123", "-Comune col trattino", "@Ente", "=1+1"}) {
    INFO(text);
    const std::string out = write_delimited(texts({text}), ',', {});
    CHECK(split_lines(out).at(1) == std::string("'") + text);
  }
  // Tab and carriage return also start a formula; the cell is then quoted too.
  CHECK(write_delimited(texts({"\tx"}), ',', {}) == "text\n'\tx\n");
  CHECK(write_delimited(texts({"\rx"}), ',', {}) == "text\n\"'\rx\"\n");
  CHECK(write_delimited(texts({"=a,b"}), ',', {}) == "text\n\"'=a,b\"\n");
  // Only the first character counts.
  CHECK(write_delimited(texts({"a=b"}), ',', {}) == "text\na=b\n");
  CHECK(write_delimited(texts({" =b"}), ',', {}) == "text\n =b\n");
  // TSV too.
  CHECK(write_delimited(texts({"@x"}), '\t', {}) == "text\n'@x\n");
  CHECK(write_delimited(texts({"\tx"}), '\t', {}) == "text\n\"'\tx\"\n");
}

TEST_CASE("csv: numbers are never prefixed, even when negative", "[writers][csv]") {
  Report r;
  r.command = "test";
  r.columns = {"amount", "decimal", "integer", "text"};
  r.rows.push_back({Cell::of_amount(M("-12.5")), Cell::of_decimal(M("-0.175")),
                    Cell::of_integer(-3), Cell::of_text("-3")});
  CHECK(write_delimited(r, ',', {}) == "amount,decimal,integer,text\n-12.50,-0.175,-3,'-3\n");
  CHECK(write_delimited(r, ';', {','}) ==
        "\xEF\xBB\xBF"
        "amount;decimal;integer;text\n-12,50;-0,175;-3;'-3\n");
}

TEST_CASE("tsv: tabs between cells, same quoting rules", "[writers][tsv]") {
  const std::string out = render(sample(), "tsv", {});
  const auto lines = split_lines(out);
  REQUIRE(lines.size() == 4);
  CHECK(lines[0] == "id\tname\tpopulation\tcoefficient\tannual_fee\tdue_date");
  CHECK(lines[2] == "017043\tCastelcovati\t5020\t0.175\t879.00\t2026-03-31");
  CHECK(write_delimited(texts({"a\tb", "a,b", "a\"b"}), '\t', {}) ==
        "text\n\"a\tb\"\na,b\n\"a\"\"b\"\n");
}

TEST_CASE("decimal comma: ';' between cells and ',' as the decimal mark", "[writers][csv]") {
  const WriteOptions comma{','};
  const std::string out = render(sample(), "csv", comma);
  const auto lines = split_lines(out);
  REQUIRE(lines.size() == 4);
  // For Excel, which reads UTF-8 only after a byte order mark.
  CHECK(lines[0] ==
        "\xEF\xBB\xBF"
        "id;name;population;coefficient;annual_fee;due_date");
  CHECK(lines[1] == "017001;Comune di Acquafredda;1579;0,19;300,00;2026-03-31");
  // Plain CSV and TSV never carry one.
  CHECK(render(sample(), "csv", {}).rfind("id,", 0) == 0);
  CHECK(render(sample(), "tsv", comma).rfind("id\t", 0) == 0);
  CHECK(lines[2] == "017043;Castelcovati;5020;0,175;879,00;2026-03-31");
  // A ';' in a text cell is now the one to quote; a ',' is not.
  CHECK(render(texts({"a;b", "a,b"}), "csv", comma) ==
        "\xEF\xBB\xBF"
        "text\n\"a;b\"\na,b\n");
  // TSV with a decimal comma keeps tabs.
  CHECK(split_lines(render(sample(), "tsv", comma)).at(2) ==
        "017043\tCastelcovati\t5020\t0,175\t879,00\t2026-03-31");
  // The reader takes the output back: the semicolon is detected.
  Diagnostics diag;
  CsvTable back = parse_csv(out, "out.csv", diag);
  CHECK(diag.ok());
  CHECK(back.delimiter == ';');
  REQUIRE(back.rows.size() == 3);
  CHECK(Money::parse(back.rows[1].fields[3], ',') == M("0.175"));
  CHECK(Money::parse(back.rows[1].fields[4], ',') == M("879"));
}

TEST_CASE("json: escaping, amounts as strings, integers as numbers, empty as null",
          "[writers][json]") {
  Report r;
  r.command = "annual";
  r.about = {{"year", Cell::of_integer(2026)},
             {"tariff", Cell::of_text("cit-2026")},
             {"none", Cell::empty()}};
  r.columns = {"id", "name", "population", "band", "coefficient", "annual_fee", "due_date"};
  r.total_column = 5;
  r.rows.push_back({Cell::of_text("017999"),
                    Cell::of_text("Comune di \"Prova\"\\ a\nb\tc\x01 Salò"), Cell::of_integer(3),
                    Cell::empty(), Cell::of_decimal(M("0.19")), Cell::of_amount(M("1")),
                    Cell::of_date({2026, 3, 31})});
  r.rows.push_back({Cell::of_text("CM01"), Cell::of_text("x"), Cell::empty(), Cell::empty(),
                    Cell::empty(), Cell::of_amount(M("300.5")), Cell::of_date({2026, 3, 31})});
  const std::string out = write_json(r);
  CHECK(render(r, "json", {}) == out);
  CHECK(render(r, "json", {','}) == out);  // JSON ignores the decimal comma
  CHECK_THAT(out, StartsWith("{"));
  CHECK_THAT(out, Contains("\"command\": \"annual\""));
  CHECK_THAT(out, Contains("\"year\": 2026"));
  CHECK_THAT(out, Contains("\"tariff\": \"cit-2026\""));
  CHECK_THAT(out, Contains("\"none\": null"));
  CHECK_THAT(out, Contains("\"name\": \"Comune di \\\"Prova\\\"\\\\ a\\nb\\tc\\u0001 Salò\""));
  CHECK_THAT(out, Contains("\"population\": 3,"));
  CHECK_THAT(out, Contains("\"band\": null"));
  CHECK_THAT(out, Contains("\"coefficient\": \"0.19\""));
  CHECK_THAT(out, Contains("\"annual_fee\": \"1.00\""));
  CHECK_THAT(out, Contains("\"annual_fee\": \"300.50\""));
  CHECK_THAT(out, Contains("\"due_date\": \"2026-03-31\""));
  CHECK_THAT(out, Contains("\"population\": null"));
  CHECK_THAT(out, Contains("\"total\": \"301.50\""));
  // No raw control characters: every one was escaped.
  for (char c : out) {
    if (c != '\n') CHECK(static_cast<unsigned char>(c) >= 0x20);
  }
  // Balanced braces and brackets outside strings.
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < out.size(); ++i) {
    const char c = out[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') in_string = true;
    if (c == '{' || c == '[') ++depth;
    if (c == '}' || c == ']') --depth;
    CHECK(depth >= 0);
  }
  CHECK(depth == 0);
  CHECK_FALSE(in_string);
}

TEST_CASE("json: an empty report", "[writers][json]") {
  Report r;
  r.command = "semester";
  r.columns = {"id", "amount"};
  r.total_column = 1;
  const std::string out = write_json(r);
  CHECK_THAT(out, Contains("\"rows\": []"));
  CHECK_THAT(out, Contains("\"total\": \"0.00\""));
}

TEST_CASE("table: numbers right-aligned, text left-aligned, a Totale equal to the sum",
          "[writers][table]") {
  Report r;
  r.command = "annual";
  r.columns = {"id", "name", "population", "annual_fee"};
  r.total_column = 3;
  const std::vector<const char*> amounts = {"485", "12345.5", "0.7", "879", "-3.25"};
  Money sum;
  std::int64_t population = 1;
  for (std::size_t i = 0; i < amounts.size(); ++i) {
    const std::string id = std::string(i + 1, 'x');
    r.rows.push_back({Cell::of_text(id), Cell::of_text(i == 1 ? "Comunità Montana" : "n"),
                      Cell::of_integer(population), Cell::of_amount(M(amounts[i]))});
    sum += M(amounts[i]);
    population *= 10;
  }
  REQUIRE(r.total() == sum);
  REQUIRE(sum == M("13706.95"));  // 485 + 12345.5 + 0.7 + 879 - 3.25, worked out by hand
  const std::string out = write_table(r, {});
  CHECK(render(r, "table", {}) == out);
  const auto lines = split_lines(out);
  // header, rule, 5 rows, rule, total
  REQUIRE(lines.size() == 9);
  auto width = [](const std::string& s) {
    std::size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
  };
  // Every data line and the total end at the same column: the amount is
  // the last column and right-aligned.
  const std::size_t end = width(lines[2]);
  for (std::size_t i = 2; i <= 6; ++i) {
    INFO(lines[i]);
    CHECK(width(lines[i]) == end);
    CHECK_THAT(lines[i], StartsWith(std::string(i - 1, 'x') + " "));  // text on the left
    CHECK_THAT(lines[i], EndsWith(M(amounts[i - 2]).to_fixed(2)));
  }
  CHECK_THAT(lines[0], EndsWith("annual_fee"));
  CHECK(width(lines[0]) == end);
  CHECK_THAT(lines[8], StartsWith("Totale"));
  CHECK_THAT(lines[8], EndsWith(" " + sum.to_fixed(2)));
  CHECK(width(lines[8]) == end);
  // Population is a number column: right-aligned, so its last digit sits
  // under the last letter of its header, on every line.
  auto glyphs = [](const std::string& s) {
    std::vector<std::string> g;
    for (char c : s) {
      if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) g.emplace_back();
      g.back() += c;
    }
    return g;
  };
  const std::size_t pop_last = lines[0].find("population") + std::string("population").size() - 1;
  for (std::size_t i = 2; i <= 6; ++i) {
    INFO(lines[i]);
    const auto g = glyphs(lines[i]);
    REQUIRE(g.size() > pop_last + 1);
    CHECK(g[pop_last] == (i == 2 ? "1" : "0"));  // 1, 10, 100, ...
    CHECK(g[pop_last + 1] == " ");
    CHECK(g[pop_last - (i - 2)] == "1");
  }
  // Rules are dashes.
  CHECK(lines[1].find_first_not_of("- ") == std::string::npos);
  CHECK(lines[7].find_first_not_of("- ") == std::string::npos);
}

TEST_CASE("table: decimal comma, and no total without a total column", "[writers][table]") {
  Report r = sample();
  const std::string out = write_table(r, {','});
  CHECK_THAT(out, Contains("879,00"));
  CHECK_THAT(out, Contains("0,175"));
  const auto lines = split_lines(out);
  CHECK_THAT(lines.back(), StartsWith("Totale"));
  CHECK_THAT(lines.back(), Contains("1.479,00"));  // 300 + 879 + 300, Italian grouping
  r.total_column = -1;
  CHECK(write_table(r, {}).find("Totale") == std::string::npos);
}

TEST_CASE("table: a subtotal when the group column changes", "[writers][table]") {
  Report r;
  r.command = "semester";
  r.columns = {"id", "service", "amount"};
  r.total_column = 2;
  r.group_column = 0;
  r.rows.push_back({Cell::of_text("A"), Cell::of_text("pec"), Cell::of_amount(M("20"))});
  r.rows.push_back({Cell::of_text("A"), Cell::of_text("telemaco"), Cell::of_amount(M("56"))});
  r.rows.push_back({Cell::of_text("B"), Cell::of_text("firme"), Cell::of_amount(M("70"))});
  const auto lines = split_lines(write_table(r, {}));
  std::vector<std::string> subtotals;
  for (const auto& l : lines) {
    if (l.find("subtotale") != std::string::npos) subtotals.push_back(l);
  }
  REQUIRE(subtotals.size() == 2);
  CHECK_THAT(subtotals[0], Contains("subtotale A"));
  CHECK_THAT(subtotals[0], EndsWith("76.00"));
  CHECK_THAT(subtotals[1], Contains("subtotale B"));
  CHECK_THAT(subtotals[1], EndsWith("70.00"));
  CHECK_THAT(lines.back(), StartsWith("Totale"));
  CHECK_THAT(lines.back(), EndsWith("146.00"));
}

TEST_CASE("the annual report has the columns of the spec, in order", "[writers]") {
  Diagnostics diag;
  const std::vector<Tariff> tariffs = load_tariffs("", diag);
  REQUIRE(diag.ok());
  const Tariff& t = select_tariff(tariffs, 2026);
  Entity a;
  a.id = "017001";
  a.name = "Comune di Montirone";
  a.type = EntityType::kComune;
  a.population = 5001;
  Entity cm;
  cm.id = "CM01";
  cm.name = "Comunità Montana";
  cm.type = EntityType::kComunitaMontana;
  const std::vector<AnnualFee> fees = {annual_fee(t, Method::kFlat, a, 2026),
                                       annual_fee(t, Method::kFlat, cm, 2026)};
  const Report r = annual_report(fees, t, 2026, Method::kFlat);
  CHECK(r.columns == std::vector<std::string>{"id", "name", "type", "population", "band",
                                              "coefficient", "computed", "annual_fee", "due_date"});
  const auto lines = split_lines(render(r, "csv", {}));
  REQUIRE(lines.size() == 3);
  CHECK(lines[1] ==
        "017001,Comune di Montirone,comune,5001,5001-10000,0.175,875.175,875.00,2026-03-31");
  CHECK(lines[2] == "CM01,Comunità Montana,comunita_montana,,,,300.00,300.00,2026-03-31");
}

TEST_CASE("table: a title first, and line breaks inside a value shown as spaces",
          "[writers][table]") {
  Report r;
  r.command = "annual";
  r.title = "Annual fees 2026";
  r.columns = {"id", "name", "annual_fee"};
  r.total_column = 2;
  r.rows.push_back(
      {Cell::of_text("A"), Cell::of_text("two\nlines\tand\r\nmore"), Cell::of_amount(M("20"))});
  r.rows.push_back({Cell::of_text("B"), Cell::of_text("x"), Cell::of_amount(M("5.5"))});
  const std::string out = write_table(r, {});
  const auto lines = split_lines(out);
  REQUIRE(lines.size() == 8);  // title, blank, header, rule, 2 rows, rule, total
  CHECK(lines[0] == "Annual fees 2026");
  CHECK(lines[1].empty());
  CHECK_THAT(lines[2], StartsWith("id"));
  CHECK_THAT(lines[4], Contains("two lines and  more"));
  CHECK(lines[4].size() == lines[5].size());  // still aligned
  CHECK_THAT(lines[7], EndsWith("25.50"));
  CHECK(out.find('\t') == std::string::npos);
  CHECK(out.find('\r') == std::string::npos);
  // The title is for people: not in csv, tsv or json rows.
  CHECK(write_delimited(r, ',', {}).find("Annual fees") == std::string::npos);
}
