// Italian column names: folded as the office writes them, mapped to the
// SPEC's English names, and a column named both ways reported once.
#include <catch2/catch.hpp>

#include <string>

#include "core/entity.hpp"
#include "input/csv.hpp"
#include "input/header_names.hpp"
#include "support.hpp"

using namespace citfee;
using Catch::Matchers::Contains;
using citfee::test::diagnostics_text;

TEST_CASE("header names fold case, accents and blanks") {
  CHECK(fold_name("  Quantità ") == "quantita");
  CHECK(fold_name("QUANTITÀ") == "quantita");
  CHECK(fold_name("Prezzo unitario") == "prezzo_unitario");
  CHECK(fold_name("Data-Adesione") == "data_adesione");
  CHECK(fold_name("Città") == "citta");
  CHECK(fold_name("id") == "id");
}

TEST_CASE("Italian names map to the English columns") {
  CHECK(english_column("codice") == "id");
  CHECK(english_column("denominazione") == "name");
  CHECK(english_column("tipo") == "type");
  CHECK(english_column("abitanti") == "population");
  CHECK(english_column("popolazione") == "population");
  CHECK(english_column("quantita") == "quantity");
  CHECK(english_column("prezzo_unitario") == "unit_price");
  CHECK(english_column("data_recesso") == "left");
  CHECK(english_column("popolazione_2031") == "population_2031");
  CHECK(english_column("abitanti_2027") == "population_2027");
  CHECK_FALSE(english_column("popolazione_31"));
  CHECK_FALSE(english_column("popolazione_20a1"));
  CHECK_FALSE(english_column("costo"));
  CHECK_FALSE(english_column("id"));  // already English: kept as written
}

TEST_CASE("a whole Italian header reads as the English one") {
  Diagnostics diag;
  CsvTable table =
      parse_csv("Codice;Denominazione;Tipo;Abitanti;Note\n017001;A;comune;5;x\n", "enti.csv", diag);
  REQUIRE(diag.ok());
  CHECK(table.column("id") == 0);
  CHECK(table.column("name") == 1);
  CHECK(table.column("type") == 2);
  CHECK(table.column("population") == 3);
  CHECK(table.column("id") >= 0);
}

TEST_CASE("istat is the id only when there is no other id") {
  Diagnostics diag;
  CsvTable alone = parse_csv("codice_istat,name\n017001,A\n", "e.csv", diag);
  CHECK(alone.column("id") == 0);
  CsvTable both = parse_csv("id,istat,name\nX1,017001,A\n", "e.csv", diag);
  CHECK(both.column("id") == 0);
  CHECK(both.column("istat") == 1);
  CHECK(diag.ok());
}

TEST_CASE("a column named in both languages is one error at its place") {
  Diagnostics diag;
  parse_csv("id,name,codice\n1,A,1\n", "e.csv", diag);
  REQUIRE(diag.errors.size() == 1);
  const std::string text = diagnostics_text(diag);
  CHECK_THAT(text, Contains("e.csv:1:3"));
  CHECK_THAT(text, Contains("\"id\" and \"codice\" both name the id column"));
}

TEST_CASE("a header of many columns is checked in one pass") {
  // Thousands of distinct names: each is looked up once, not compared with all others.
  std::string header = "id";
  for (int i = 0; i < 20000; ++i) header += ",c" + std::to_string(i);
  Diagnostics diag;
  CsvTable table = parse_csv(header + "\n", "e.csv", diag);
  CHECK(table.header.size() == 20001);
  CHECK(table.column("c19999") == 20000);
}
