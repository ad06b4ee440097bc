// Writers: the Italian form of a table, Italian labels, and workbooks.
#include <stdexcept>

#include <catch2/catch.hpp>

#include "output/delimited.hpp"
#include "output/formats.hpp"
#include "output/table.hpp"
#include "output/xlsx.hpp"
#include "present/labels.hpp"

using namespace citfee;

namespace {

Report small_report() {
  Report r;
  r.title = "T";
  r.title_it = "Titolo";
  r.columns = {"id", "population", "amount"};
  r.rows = {{Cell::of_text("a"), Cell::of_integer(196670), Cell::of_amount(Money::parse("1257"))},
            {Cell::of_text("b"), Cell::of_integer(5), Cell::of_amount(Money::parse("0.50"))}};
  r.total_column = 2;
  return r;
}

}  // namespace

TEST_CASE("a table with a decimal comma groups thousands with a dot") {
  WriteOptions italian;
  italian.decimal_mark = ',';
  CHECK(write_table(small_report(), italian) ==
        "T\n"
        "\n"
        "id  population    amount\n"
        "--  ----------  --------\n"
        "a      196.670  1.257,00\n"
        "b            5      0,50\n"
        "--  ----------  --------\n"
        "Totale          1.257,50\n");
}

TEST_CASE("a negative amount keeps its sign in front of the groups") {
  Report r = small_report();
  r.rows[1][2] = Cell::of_amount(Money::parse("-1234567.5"));
  WriteOptions italian;
  italian.decimal_mark = ',';
  const std::string text = write_table(r, italian);
  CHECK(text.find("-1.234.567,50") != std::string::npos);
  CHECK(text.find("-1.233.310,50") != std::string::npos);  // 1,257 - 1,234,567.50
}

TEST_CASE("without a decimal comma a table and CSV never group thousands") {
  const std::string table = write_table(small_report(), WriteOptions{});
  CHECK(table.find("196670") != std::string::npos);
  CHECK(table.find("1257.00") != std::string::npos);
  CHECK(table.find("1,257") == std::string::npos);
  WriteOptions italian;
  italian.decimal_mark = ',';
  CHECK(write_delimited(small_report(), ';', italian) ==
        "\xEF\xBB\xBF"
        "id;population;amount\na;196670;1257,00\nb;5;0,50\n");
}

TEST_CASE("Italian labels replace the column names of the SPEC, and the title") {
  CHECK(italian_label("annual_fee") == "Quota annuale");
  CHECK(italian_label("due_date") == "Scadenza");
  CHECK(italian_label("quantity") == "Quantità");
  CHECK(italian_label("not_a_column") == "not_a_column");
  const Report r = with_italian_labels(small_report());
  CHECK(r.columns == std::vector<std::string>{"Codice", "Popolazione", "Importo"});
  CHECK(r.title == "Titolo");
  CHECK(r.rows.size() == 2);
}

TEST_CASE("a workbook is a zip archive, built whole in memory") {
  const std::string book = write_xlsx({small_report(), small_report()}, WriteOptions{});
  REQUIRE(book.size() > 4);
  CHECK(book.compare(0, 4, std::string("PK\x03\x04", 4)) == 0);
  CHECK(book.find("xl/worksheets/sheet2.xml") != std::string::npos);
  // The formats table writes a workbook through the same writer.
  CHECK(render(small_report(), "xlsx", WriteOptions{}).substr(0, 2) == "PK");
}
