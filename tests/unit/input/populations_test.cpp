// Populations files: the long layout, ISTAT POSAS (UTF-8 and Windows-1252,
// the older comma layout) and the demographic balance P2.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "input/populations.hpp"
#include "input/read_file.hpp"
#include "input/text_encoding.hpp"
#include "support.hpp"

using namespace citfee;
using Catch::Matchers::Contains;
using citfee::test::diagnostics_text;

namespace {

const std::string kIstat = std::string(CITFEE_TEST_DATA) + "/istat/";

struct Read {
  Diagnostics diag;
  std::vector<PopulationRecord> records;
};

Read read_text(const std::string& text, const std::string& file = "popolazioni.csv") {
  Read r;
  r.records = read_populations(text, file, r.diag);
  return r;
}

Read read_file(const std::string& name) {
  return read_text(read_input(kIstat + name), name);
}

const PopulationRecord* find(const Read& r, const std::string& code) {
  for (const auto& rec : r.records) {
    if (rec.code == code) return &rec;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("the long layout, English or Italian headers", "[populations]") {
  for (const std::string header : {"id,year,population", "codice;anno;abitanti"}) {
    const char d = header.find(';') != std::string::npos ? ';' : ',';
    Read r =
        read_text(header + "\n017028" + d + "2025" + d + "5000\nCM01" + d + "2026" + d + "12\n");
    INFO(header);
    REQUIRE(r.diag.ok());
    REQUIRE(r.records.size() == 2);
    CHECK(r.records[0].code == "017028");
    CHECK(r.records[0].figure.residents == 5000);
    CHECK(r.records[0].figure.year == 2025);
    CHECK(r.records[0].figure.source == PopulationSource::kPopulationsFile);
    CHECK(r.records[0].figure.where().str() == "popolazioni.csv:2:1");
    CHECK(r.records[1].figure.where().str() == "popolazioni.csv:3:1");
    // The file's name is held once, by all the figures read from it.
    CHECK(&r.records[0].figure.file.name() == &r.records[1].figure.file.name());
  }
}

TEST_CASE("an empty populations file is an error", "[populations]") {
  CHECK_THAT(diagnostics_text(read_text("").diag), Contains("the file is empty"));
  CHECK_THAT(diagnostics_text(read_text("\n\n").diag), Contains("the file is empty"));
  Read r = read_text("istat,anno,popolazione\n17028,2025,5000\n");
  REQUIRE(r.records.size() == 1);
  CHECK(r.records[0].numeric);
}

TEST_CASE("long layout problems have their place", "[populations]") {
  Read r = read_text("id,year,population\n017028,2025,\"5,000\"\n017040,20x5,9990\n");
  CHECK(r.records.empty());
  CHECK_THAT(diagnostics_text(r.diag), Contains("popolazioni.csv:2:3:"));
  CHECK_THAT(diagnostics_text(r.diag), Contains("popolazioni.csv:3:2:"));
  Read other = read_text("id,anno,numero\n017028,2025,5000\n");
  CHECK_THAT(diagnostics_text(other.diag), Contains("id,year,population"));
}

TEST_CASE("POSAS: 1 January YYYY gives 31 December YYYY-1, the 999 row the total",
          "[populations]") {
  for (const std::string name : {"POSAS_2027_it_017.csv", "POSAS_2027_it_017_win.csv"}) {
    INFO(name);
    Read r = read_file(name);
    REQUIRE(r.diag.ok());
    CHECK(r.diag.warnings.empty());
    REQUIRE(r.records.size() == 5);
    const PopulationRecord* breno = find(r, "017028");
    REQUIRE(breno);
    CHECK(breno->figure.residents == 5010);
    CHECK(breno->figure.year == 2026);
    CHECK(breno->figure.source == PopulationSource::kIstatPosas);
    CHECK_FALSE(breno->numeric);
    // The 999 row of Breno: title, header, then the 101 ages on lines 3-103.
    CHECK(breno->figure.where().line == 104);
    REQUIRE(find(r, "017170"));
    CHECK(find(r, "017170")->figure.residents == 10540);
  }
}

TEST_CASE("POSAS: a 999 row that disagrees with the ages is an error", "[populations]") {
  Read r = read_file("POSAS_2027_damaged.csv");
  CHECK_FALSE(r.diag.ok());
  CHECK_THAT(diagnostics_text(r.diag),
             Contains("the total of Comune 017040 (Età 999) is 10027 but its ages 0-100 add up "
                      "to 10020"));
  CHECK_FALSE(find(r, "017040"));
}

TEST_CASE("POSAS: an estimate is read, with a warning", "[populations]") {
  Read r = read_file("POSAS_2027_stima.csv");
  REQUIRE(r.diag.ok());
  REQUIRE(r.diag.warnings.size() == 1);
  CHECK_THAT(r.diag.warnings[0].message, Contains("estimate (stima)"));
  Read provisional = read_text(
      "Popolazione residente al 1° gennaio 2027 (dati provvisori)\n"
      "\"Codice comune\";\"Comune\";\"Età\";\"Totale maschi\";\"Totale femmine\";\"Totale\"\n"
      "\"017001\";\"Acquafredda\";0;1;1;2\n\"017001\";\"Acquafredda\";999;1;1;2\n");
  REQUIRE(provisional.diag.ok());
  REQUIRE(provisional.diag.warnings.size() == 1);
  CHECK_THAT(provisional.diag.warnings[0].message, Contains("provisional"));
  REQUIRE(provisional.records.size() == 1);
  CHECK(provisional.records[0].figure.residents == 2);
}

TEST_CASE("POSAS: the older comma layout, codes without their zeros", "[populations]") {
  Read r = read_file("POSAS_2026_old.csv");
  REQUIRE(r.diag.ok());
  const PopulationRecord* breno = find(r, "17028");
  REQUIRE(breno);
  CHECK(breno->numeric);
  CHECK(breno->figure.residents == 5000);
  CHECK(breno->figure.year == 2025);
}

TEST_CASE("an ISTAT table without its title is refused: the year is in the title",
          "[populations]") {
  Read r = read_text(
      "\"Codice comune\";\"Comune\";\"Età\";\"Totale maschi\";\"Totale femmine\";\"Totale\"\n"
      "\"017001\";\"Acquafredda\";999;1;1;2\n");
  CHECK_THAT(diagnostics_text(r.diag), Contains("without its title line"));
}

TEST_CASE("P2: the population at 31 December of the balance's year", "[populations]") {
  Read r = read_file("bilancio_2026.csv");
  REQUIRE(r.diag.ok());
  REQUIRE(r.records.size() == 5);  // the province's total row left out
  const PopulationRecord* castegnato = find(r, "017040");
  REQUIRE(castegnato);
  CHECK(castegnato->figure.residents == 10020);
  CHECK(castegnato->figure.year == 2026);
  CHECK(castegnato->figure.source == PopulationSource::kIstatP2);
}

TEST_CASE("Windows-1252 text becomes UTF-8; undefined bytes are refused", "[encoding]") {
  CHECK(windows1252_to_utf8("Et\xE0 1\xB0 gennaio \x80") == "Età 1° gennaio €");
  CHECK(windows1252_to_utf8("plain") == "plain");
  CHECK_FALSE(windows1252_to_utf8("\x81"));
}

TEST_CASE("long layout: populations with Italian thousands dots are read, once told",
          "[populations]") {
  Read r = read_text("id,year,population\n017029,2025,196.670\n017028,2025,5000\n");
  INFO(diagnostics_text(r.diag));
  REQUIRE(r.diag.ok());
  REQUIRE(r.records.size() == 2);
  CHECK(r.records[0].figure.residents == 196670);
  REQUIRE(r.diag.notes.size() == 1);
  CHECK(r.diag.notes[0].str() ==
        "popolazioni.csv: populations written with a thousands dot read as whole numbers: "
        "196.670 as 196670 (line 2)");
  Read bad = read_text("id,year,population\n017029,2025,196.67\n017028,2025,\"5,000\"\n");
  CHECK(bad.records.empty());
  CHECK(bad.diag.notes.empty());
  CHECK_THAT(diagnostics_text(bad.diag), Contains("popolazioni.csv:2:3:"));
  CHECK_THAT(diagnostics_text(bad.diag), Contains("popolazioni.csv:3:3:"));
}
