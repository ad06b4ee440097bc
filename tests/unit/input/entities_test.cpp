// The entities file: types in their Italian spellings, ids as text, and every
// problem reported with its place and a hint.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <fmt/format.h>

#include "core/text.hpp"
#include "input/entities.hpp"
#include "input/header.hpp"
#include "input/read_file.hpp"
#include "present/statement.hpp"
#include "support.hpp"

using namespace citfee;
using Catch::Matchers::Contains;
using citfee::test::diagnostics_text;

namespace {

const std::string kTestData = CITFEE_TEST_DATA;

struct Read {
  CsvTable table;
  Diagnostics diag;
  std::vector<Entity> entities;
};

Read read(const std::string& text, const std::string& file = "enti.csv") {
  Read r;
  r.table = parse_csv(text, file, r.diag);
  r.entities = read_entities(r.table, r.diag);
  return r;
}

// One Comune row with the given population cell; the single error it causes.
Diagnostic population_error(const std::string& cell) {
  Read r = read("id,name,type,population\n017001,Comune di Acquafredda,comune," + cell + "\n");
  INFO("population cell \"" << cell << "\"");
  CHECK(r.entities.empty());
  REQUIRE(r.diag.errors.size() == 1);
  return r.diag.errors[0];
}

}  // namespace

TEST_CASE("entity types: keys and Italian spellings, in any case", "[entities]") {
  CHECK(parse_entity_type("comune") == EntityType::kComune);
  CHECK(parse_entity_type("COMUNE") == EntityType::kComune);
  CHECK(parse_entity_type(" Comune ") == EntityType::kComune);
  CHECK(parse_entity_type("capoluogo") == EntityType::kCapoluogo);
  CHECK(parse_entity_type("Comune Capoluogo") == EntityType::kCapoluogo);
  CHECK(parse_entity_type("Comunità Montana") == EntityType::kComunitaMontana);
  CHECK(parse_entity_type("COMUNITÀ MONTANA") == EntityType::kComunitaMontana);
  CHECK(parse_entity_type("comunita montana") == EntityType::kComunitaMontana);
  CHECK(parse_entity_type("comunita_montana") == EntityType::kComunitaMontana);
  CHECK(parse_entity_type("Azienda speciale consortile") == EntityType::kAziendaSpeciale);
  CHECK(parse_entity_type("AZIENDA CONSORTILE") == EntityType::kAziendaSpeciale);
  CHECK(parse_entity_type("Unione di Comuni") == EntityType::kUnioneComuni);
  CHECK(parse_entity_type("Unione dei Comuni") == EntityType::kUnioneComuni);
  CHECK(parse_entity_type("unione_comuni") == EntityType::kUnioneComuni);
  CHECK(parse_entity_type("Azienda Speciale") == EntityType::kAziendaSpeciale);
  CHECK(parse_entity_type("azienda_speciale") == EntityType::kAziendaSpeciale);
  CHECK(parse_entity_type("altro_ente") == EntityType::kAltroEnte);
  CHECK(parse_entity_type("Altro ente pubblico") == EntityType::kAltroEnte);
  CHECK_FALSE(parse_entity_type("provincia"));
  CHECK_FALSE(parse_entity_type(""));
  CHECK_FALSE(parse_entity_type("comune montana"));
  CHECK_FALSE(parse_entity_type("comunex"));
  for (EntityType t : kAllEntityTypes) {
    INFO(type_key(t));
    CHECK(parse_entity_type(type_key(t)) == t);
    CHECK(parse_entity_type(type_label(t)) == t);
  }
  CHECK(type_key(EntityType::kComunitaMontana) == "comunita_montana");
  CHECK(type_label(EntityType::kComunitaMontana) == "Comunità Montana");
  CHECK(carries_population(EntityType::kComune));
  CHECK(carries_population(EntityType::kCapoluogo));
  CHECK_FALSE(carries_population(EntityType::kComunitaMontana));
  CHECK_FALSE(carries_population(EntityType::kAltroEnte));
}

TEST_CASE("entities: a well-formed file with Italian spellings", "[entities]") {
  Read r = read(
      "ID;Note;Name;Type;Population;Tax_Code;PEC\n"
      "017001;x;Comune di Acquafredda;COMUNE;1579;00848860175;protocollo@pec.acquafredda.bs.it\n"
      "017029;x;Comune di Brescia;Comune Capoluogo;196670;;\n"
      "CM01;x;Comunità Montana di Valle Camonica;Comunità Montana;;;\n"
      "UC01;x;Unione della Valtenesi;Unione di Comuni;;;\n"
      "AS01;x;\"Azienda Speciale; Garda\";Azienda Speciale; 12 ;;\n"
      "  000123  ;x;  Comune con spazi  ;comune;  7 ;;\n");
  INFO(diagnostics_text(r.diag));
  CHECK(r.diag.ok());
  REQUIRE(r.entities.size() == 6);
  const Entity& a = r.entities[0];
  CHECK(a.id == "017001");  // leading zero kept
  CHECK(a.name == "Comune di Acquafredda");
  CHECK(a.type == EntityType::kComune);
  CHECK(a.population == 1579);
  CHECK(a.tax_code == "00848860175");
  CHECK(a.pec == "protocollo@pec.acquafredda.bs.it");
  CHECK(a.where.file == "enti.csv");
  CHECK(a.where.line == 2);
  CHECK(r.entities[1].type == EntityType::kCapoluogo);
  CHECK(r.entities[1].population == 196670);
  CHECK(r.entities[2].type == EntityType::kComunitaMontana);
  CHECK_FALSE(r.entities[2].population);  // optional for a Comunità Montana
  CHECK(r.entities[3].type == EntityType::kUnioneComuni);
  CHECK(r.entities[4].type == EntityType::kAziendaSpeciale);
  CHECK(r.entities[4].name == "Azienda Speciale; Garda");
  CHECK(r.entities[4].population == 12);  // given, so read
  CHECK(r.entities[5].id == "000123");
  CHECK(r.entities[5].name == "Comune con spazi");
  CHECK(r.entities[5].population == 7);
  CHECK(r.entities[5].where.line == 7);
}

TEST_CASE("entities: a duplicate id names the line where it first appeared", "[entities]") {
  Read r = read(
      "id,name,type,population\n"
      "017001,Comune di Acquafredda,comune,1579\n"
      "017093,Comune di Longhena,comune,607\n"
      "017003,Comune di Agnosine,comune,2550\n"
      "017093,Comune di Longhena (di nuovo),comune,607\n"
      "17093,Not a duplicate: the id is text,comune,607\n");
  REQUIRE(r.diag.errors.size() == 1);
  const Diagnostic& d = r.diag.errors[0];
  CHECK(d.where.line == 5);
  CHECK(d.where.column == 1);
  CHECK_THAT(d.message, Contains("017093"));
  CHECK_THAT(d.message, Contains("line 3"));
  REQUIRE(r.entities.size() == 4);
  CHECK(r.entities[1].name == "Comune di Longhena");
  CHECK(r.entities[3].id == "17093");
}

TEST_CASE("entities: an unknown type is named with the types accepted", "[entities]") {
  Read r = read(
      "id,name,type,population\n017093,Comune di Longhena,comune,607\nPR01,Provincia di "
      "Brescia,provincia,\n");
  REQUIRE(r.diag.errors.size() == 1);
  const Diagnostic& d = r.diag.errors[0];
  CHECK(d.str().rfind("enti.csv:3:3: ", 0) == 0);
  CHECK_THAT(d.message, Contains("\"provincia\""));
  CHECK_THAT(d.message, Contains("comunita_montana"));
  CHECK(r.entities.size() == 1);
}

TEST_CASE("entities: populations that are not a positive whole number", "[entities]") {
  struct Bad {
    const char* cell;
    const char* says;
  };
  for (Bad bad : {Bad{"", "missing"}, Bad{"0", "zero"}, Bad{"000", "zero"}, Bad{"-5", "negative"},
                  Bad{"12.5", "not a whole number"}, Bad{"1.5790", "not a whole number"},
                  Bad{"\"1,579\"", "write 1579"}, Bad{"\"12,345,678\"", "write 12345678"},
                  Bad{"1 579", "write 1579"}, Bad{"1e3", "not a whole number"},
                  Bad{"abc", "not a whole number"}, Bad{"99999999999999999999999999", "too large"},
                  Bad{"100000001", "too large"}, Bad{"+5", "not a whole number"}}) {
    INFO("cell \"" << bad.cell << "\"");
    Diagnostic d = population_error(bad.cell);
    CHECK(d.where.line == 2);
    CHECK(d.where.column == 4);
    CHECK_THAT(d.message, Contains(bad.says));
    CHECK_THAT(d.message, Contains("population"));
  }
  CHECK_THAT(population_error("12.5").message, !Contains("write 125"));
}

TEST_CASE("entities: the largest accepted population, and leading zeros", "[entities]") {
  Read r = read("id,name,type,population\nA,Grande,comune,100000000\nB,Piccolo,comune,0042\n");
  INFO(diagnostics_text(r.diag));
  CHECK(r.diag.ok());
  REQUIRE(r.entities.size() == 2);
  CHECK(r.entities[0].population == kMaxPopulation);
  CHECK(r.entities[1].population == 42);
  CHECK(parse_population("1579") == 1579);
  CHECK_THROWS_AS(parse_population("0"), ValueError);
  CHECK_THROWS_WITH(parse_population("1.579"), Contains("write 1579"));
}

TEST_CASE("entities: population is optional for non-Comuni, but must be valid when given",
          "[entities]") {
  Read r = read(
      "id,name,type,population\n"
      "CM01,Comunità Montana di Valle Camonica,comunita_montana,\n"
      "CM02,Comunità Montana di Valle Sabbia,Comunità Montana,\"1,579\"\n");
  REQUIRE(r.diag.errors.size() == 1);
  CHECK(r.diag.errors[0].where.line == 3);
  CHECK_THAT(r.diag.errors[0].message, Contains("write 1579"));
  REQUIRE(r.entities.size() == 1);
  CHECK(r.entities[0].id == "CM01");
}

TEST_CASE("entities: a file with no population column is fine without Comuni", "[entities]") {
  Read ok =
      read("id,name,type\nCM01,Comunità Montana,comunita_montana\nUC01,Unione,unione_comuni\n");
  INFO(diagnostics_text(ok.diag));
  CHECK(ok.diag.ok());
  CHECK(ok.entities.size() == 2);

  Read bad = read(
      "id,name,type\nCM01,Comunità Montana,comunita_montana\n017001,Acquafredda,comune\n"
      "017002,Adro,comune\n");
  REQUIRE(bad.diag.errors.size() == 1);  // said once, not per Comune
  CHECK(bad.diag.errors[0].where.line == 1);
  CHECK_THAT(bad.diag.errors[0].message, Contains("population"));
  CHECK(bad.entities.size() == 1);
}

TEST_CASE("entities: a missing required column", "[entities]") {
  for (const char* missing : {"id", "name", "type"}) {
    std::vector<std::string> columns;
    for (const char* c : {"id", "name", "type", "population"}) {
      if (std::string(c) != missing) columns.push_back(c);
    }
    std::string header;
    for (const auto& c : columns) header += (header.empty() ? "" : ",") + c;
    Read r = read(header + "\nx,y,z\n");
    INFO(missing);
    REQUIRE(r.diag.errors.size() == 1);
    CHECK(r.diag.errors[0].where.line == 1);
    CHECK_THAT(r.diag.errors[0].message, Contains("\"" + std::string(missing) + "\""));
    CHECK(r.entities.empty());
  }
}

TEST_CASE("entities: a column named twice", "[entities]") {
  Read r = read("id,name,type,population,ID\n017001,Acquafredda,comune,1579,x\n");
  REQUIRE(r.diag.errors.size() == 1);
  CHECK(r.diag.errors[0].where.line == 1);
  CHECK(r.diag.errors[0].where.column == 5);
  CHECK_THAT(r.diag.errors[0].message, Contains("\"id\""));
  CHECK_THAT(r.diag.errors[0].message, Contains("twice"));
  CHECK(r.entities.empty());
}

TEST_CASE("entities: a header with no rows, and an empty file", "[entities]") {
  Read header_only = read("id,name,type,population\n\n");
  REQUIRE(header_only.diag.errors.size() == 1);
  CHECK(header_only.diag.errors[0].where.line == 1);
  CHECK_THAT(header_only.diag.errors[0].message, Contains("no entities"));

  Read empty = read("");
  REQUIRE(empty.diag.errors.size() == 1);
  CHECK_THAT(empty.diag.errors[0].message, Contains("empty"));
  CHECK_THAT(empty.diag.errors[0].message, Contains("id,name,type"));
}

TEST_CASE("entities: empty id and empty name", "[entities]") {
  Read r =
      read("id,name,type,population\n,Senza id,comune,5\n017001,,comune,5\n017002,Ok,comune,5\n");
  REQUIRE(r.diag.errors.size() == 2);
  CHECK(r.diag.errors[0].where.line == 2);
  CHECK(r.diag.errors[0].where.column == 1);
  CHECK(r.diag.errors[1].where.line == 3);
  CHECK(r.diag.errors[1].where.column == 2);
  REQUIRE(r.entities.size() == 1);
  CHECK(r.entities[0].id == "017002");
}

TEST_CASE("entities: every problem of a file is reported at once", "[entities]") {
  Read r = read(
      "id,name,type,population\n"
      "017001,A,comune,\"1,579\"\n"
      "017002,B,provincia,5\n"
      "017001,C,comune,5\n"
      "017004,D,comune,-3\n"
      "017005,E,comune,5\n");
  CHECK(r.diag.errors.size() == 4);
  REQUIRE(r.entities.size() == 1);
  CHECK(r.entities[0].id == "017005");
}

TEST_CASE("entities: the sample files in tests/data", "[entities]") {
  auto from_file = [](const std::string& name) {
    Read r;
    r.table = parse_csv(read_input(kTestData + "/" + name), name, r.diag);
    r.entities = read_entities(r.table, r.diag);
    return r;
  };
  {
    Read r = from_file("enti-bom-semicolon-crlf.csv");
    INFO(diagnostics_text(r.diag));
    CHECK(r.diag.ok());
    CHECK(r.table.delimiter == ';');
    REQUIRE(r.entities.size() == 23);
    CHECK(r.entities[0].id == "017001");
    CHECK(r.entities[0].population == 1579);
    CHECK(r.entities[0].tax_code == "00848860175");
    int comunita = 0;
    int capoluogo = 0;
    for (const Entity& e : r.entities) {
      if (e.type == EntityType::kComunitaMontana) ++comunita;
      if (e.type == EntityType::kCapoluogo) ++capoluogo;
      CHECK(e.population.has_value() == carries_population(e.type));
    }
    CHECK(comunita == 1);
    CHECK(capoluogo == 1);
    bool found = false;
    for (const Entity& e : r.entities) {
      if (e.id == "017999") {
        found = true;
        CHECK(e.name == "Comune di \"Prova\", con virgola");
        CHECK(e.population == 3);
      }
    }
    CHECK(found);
  }
  {
    Read r = from_file("enti-duplicate-id.csv");
    REQUIRE(r.diag.errors.size() == 1);
    CHECK(r.diag.errors[0].str().rfind("enti-duplicate-id.csv:5:1: ", 0) == 0);
    CHECK_THAT(r.diag.errors[0].message, Contains("line 3"));
  }
  {
    // "1.579", as an Italian spreadsheet shows a grouped number: 1579, told once.
    Read r = from_file("enti-population-dot.csv");
    REQUIRE(r.diag.ok());
    REQUIRE(r.entities.size() == 3);
    CHECK(r.entities[2].population == 1579);
    REQUIRE(r.diag.notes.size() == 1);
    CHECK(r.diag.notes[0].str() ==
          "enti-population-dot.csv: populations written with a thousands dot read as whole "
          "numbers: 1.579 as 1579 (line 4)");
  }
  {
    Read r = from_file("enti-unknown-type.csv");
    REQUIRE(r.diag.errors.size() == 1);
    CHECK(r.diag.errors[0].where.line == 4);
    CHECK_THAT(r.diag.errors[0].message, Contains("provincia"));
  }
}

TEST_CASE("trimmed and check_header", "[entities]") {
  CHECK(trimmed("  a b \t") == "a b");
  CHECK(trimmed("\t\t") == "");
  CHECK(trimmed("") == "");
  Diagnostics diag;
  CsvTable table = parse_csv("id,period,pec\n1,2026-H1,3\n", "u.csv", diag);
  CHECK(check_header(table, {"id", "period"}, "id,period,pec", diag));
  CHECK(diag.ok());
  CHECK_FALSE(check_header(table, {"id", "service"}, "id,period,service,quantity", diag));
  REQUIRE(diag.errors.size() == 1);
  CHECK_THAT(diag.errors[0].message, Contains("\"service\""));
  CHECK_THAT(diag.errors[0].message, Contains("id,period,service,quantity"));
}

TEST_CASE("entities: the thousands-separator hint only for real groups of three", "[entities]") {
  // "1.2345678" and "1.23.4567" are not grouped by thousands: the hint to
  // drop a separator would be wrong.
  for (const char* cell : {"1.2345678", "1.23.4567", "12.3.45"}) {
    INFO(cell);
    Diagnostic d = population_error(cell);
    CHECK_THAT(d.message, !Contains("thousands separator"));
    CHECK_THAT(d.message, Contains("not a whole number"));
  }
}

TEST_CASE("entities: rows left out for a CSV problem are not reported again as 'no entities'",
          "[entities]") {
  Read r = read("id,name,type,population\n017001,\"Acquafredda,comune,1579\n");
  REQUIRE(r.diag.errors.size() == 1);
  CHECK_THAT(r.diag.errors[0].message, Contains("never closed"));
  CHECK(r.entities.empty());
}

TEST_CASE("population_YYYY columns give figures by year; population stays undated",
          "[entities][population]") {
  Read r = read(
      "id,name,type,population,population_2025,Population_2026\n"
      "017028,Comune di Breno,comune,,5000,5010\n"
      "017001,Comune di Acquafredda,comune,1579,,\n");
  REQUIRE(r.diag.ok());
  REQUIRE(r.entities.size() == 2);
  const Entity& breno = r.entities[0];
  REQUIRE(breno.populations.size() == 2);
  CHECK(breno.populations[0].year == 2025);
  CHECK(breno.populations[0].source == PopulationSource::kEntitiesColumn);
  CHECK(breno.populations[1].residents == 5010);
  CHECK(breno.populations[1].where().str() == "enti.csv:2:6");
  CHECK_FALSE(breno.population);
  const Entity& acquafredda = r.entities[1];
  REQUIRE(acquafredda.populations.size() == 1);
  CHECK_FALSE(acquafredda.populations[0].year);
  CHECK(acquafredda.population == 1579);
  CHECK(acquafredda.populations[0].where().str() == "enti.csv:3:4");
  // The file's name is held once, by all the figures read from it.
  CHECK(&breno.populations[0].file.name() == &breno.populations[1].file.name());
  CHECK(&breno.populations[0].file.name() == &acquafredda.populations[0].file.name());
}

TEST_CASE("a Comune needs some population, unless populations files give it",
          "[entities][population]") {
  const std::string text = "id,name,type,population_2025\n017028,Comune di Breno,comune,\n";
  Read r = read(text);
  CHECK(r.entities.empty());
  CHECK(diagnostics_text(r.diag) ==
        "enti.csv:2:4: population is missing: write the residents at 31 December, e.g. 1579\n");
  Diagnostics diag;
  const CsvTable table =
      parse_csv("id,name,type\n017028,Comune di Breno,comune\n", "enti.csv", diag);
  CHECK(read_entities(table, diag, true).size() == 1);
  CHECK(diag.ok());
}

TEST_CASE("joined, left and istat columns", "[entities][membership]") {
  Read r = read(
      "id,name,type,population,joined,left,istat\n"
      "A1,Comune di Breno,comune,5000,15/09/2026,,017028\n"
      "A2,Comune di Longhena,comune,607,,2028,\n"
      "A3,Comune di Nave,comune,10100,,31/12/2027,\n");
  REQUIRE(r.diag.ok());
  REQUIRE(r.entities.size() == 3);
  CHECK(r.entities[0].membership.joined == Date{2026, 9, 15});
  CHECK(r.entities[0].istat == "017028");
  CHECK(r.entities[1].membership.left == 2028);
  CHECK(r.entities[2].membership.left == 2027);
  Read bad = read(
      "id,name,type,population,joined,left\n"
      "A1,Comune di Breno,comune,5000,2026-09-15,2028-06-30\n"
      "A2,Comune di Nave,comune,5000,2027-01-01,2026\n"
      "A3,Comune di Leno,comune,5000,2027-02-30,\n");
  CHECK(bad.entities.empty());
  const std::string text = diagnostics_text(bad.diag);
  CHECK_THAT(text, Contains("enti.csv:2:6: left \"2028-06-30\" is not a 31 December"));
  CHECK_THAT(text, Contains("enti.csv:3:6: left 2026-12-31 is before joined 2027-01-01"));
  CHECK_THAT(text, Contains("enti.csv:4:5: joined"));
}

TEST_CASE("thousands separators down a column are told once") {
  // Commas: a thousands dot is read (see below), a comma is not.
  auto file_with = [](int rows) {
    std::string text = "id,name,type,population\n";
    for (int i = 0; i < rows; ++i)
      text += fmt::format("{},C{},comune,\"2,{:03}\"\n", 100 + i, i, i);
    return text + "999,Ok,comune,1500\n";
  };
  const Read few = read(file_with(3));
  CHECK(few.diag.errors.size() == 3);
  CHECK(few.entities.size() == 1);
  const Read many = read(file_with(5));
  REQUIRE(many.diag.errors.size() == 1);
  const std::string text = diagnostics_text(many.diag);
  CHECK_THAT(text, Contains("enti.csv:2:4"));
  CHECK_THAT(text, Contains("write 2000"));
  CHECK_THAT(text, Contains("4 more rows alike, lines 3, 4, 5, 6:"));
  CHECK(many.entities.size() == 1);
}

TEST_CASE("populations with Italian thousands dots are read, once told", "[entities][population]") {
  Read r = read(
      "id,name,type,population,population_2026\n"
      "017001,Comune di Acquafredda,comune,1.579,1.580\n"
      "017029,Comune di Brescia,capoluogo,196.670,\n"
      "017002,Comune di Adro,comune,7.245,\n"
      "017003,Comune di Agnosine,comune,2550,\n"
      "017004,Comune di Alfianello,comune,2.470,\n");
  REQUIRE(r.diag.ok());
  REQUIRE(r.entities.size() == 5);
  CHECK(r.entities[0].population == 1579);
  CHECK(r.entities[0].populations[0].residents == 1580);
  CHECK(r.entities[1].population == 196670);
  CHECK(r.entities[3].population == 2550);
  REQUIRE(r.diag.notes.size() == 1);
  CHECK(r.diag.notes[0].str() ==
        "enti.csv: populations written with a thousands dot read as whole numbers: 1.580 as "
        "1580 (line 2), 1.579 as 1579 (line 2), 196.670 as 196670 (line 3) and 2 more");
  // Anything else with a dot or a comma is still refused, each where it is.
  Read bad = read(
      "id,name,type,population\n"
      "017001,Comune di Acquafredda,comune,1.57\n"
      "017002,Comune di Adro,comune,\"1,579\"\n"
      "017003,Comune di Agnosine,comune,1.5790\n");
  CHECK(bad.entities.empty());
  CHECK(bad.diag.notes.empty());
  const std::string text = diagnostics_text(bad.diag);
  CHECK_THAT(text, Contains("enti.csv:2:4: population \"1.57\""));
  CHECK_THAT(text, Contains("enti.csv:3:4: population \"1,579\""));
  CHECK_THAT(text, Contains("enti.csv:4:4: population \"1.5790\""));
}

TEST_CASE("ids with characters that do not show are refused, each named", "[entities][ids]") {
  Read r = read(
      "id,name,type,population\n"
      "017001,Comune di Acquafredda,comune,1579\n"
      "017001\xe2\x80\x8b,Comune di Acquafredda bis,comune,1579\n"
      "\xe2\x80\xae"
      "100710,Comune di Adro,comune,7245\n"
      "0170\xc2\xa0\xc2\xa0"
      "03,Comune di Agnosine,comune,2550\n"
      "01700\xef\xbc\x94,Comune di Alfianello,comune,2470\n"
      "017005,Comune di Anfo,comune,480\n");
  CHECK(r.entities.size() == 2);
  REQUIRE(r.diag.errors.size() == 4);
  const std::string text = diagnostics_text(r.diag);
  CHECK_THAT(text, Contains("enti.csv:3:1: id \"017001\\u200b\" holds U+200B (zero-width space), "
                            "a character that does not show"));
  CHECK_THAT(text, Contains("enti.csv:4:1: id \"\\u202e100710\" holds U+202E (right-to-left "
                            "override)"));
  CHECK_THAT(text, Contains("enti.csv:5:1: id \"0170\\u00a0\\u00a003\" holds U+00A0 (no-break "
                            "space)"));
  CHECK_THAT(text, Contains("enti.csv:6:1: id \"01700\\uff14\" holds U+FF14 (fullwidth digit 4), "
                            "which looks like a digit but is not one"));
}

TEST_CASE("ids that payments would read as one are refused, naming both lines", "[entities][ids]") {
  Read r = read(
      "id,name,type,population\n"
      "A:1,Comune di Acquafredda,comune,1579\n"
      "A_1,Comune di Adro,comune,7245\n"
      "a 1,Comune di Agnosine,comune,2550\n"
      "A;1,Comune di Anfo,comune,480\n"
      "B1,Comune di Bagolino,comune,3900\n"
      "b1,Comune di Barbariga,comune,2400\n"
      "C1,Comune di Bedizzole,comune,12400\n");
  CHECK(r.entities.size() == 3);
  REQUIRE(r.diag.errors.size() == 4);
  const std::string text = diagnostics_text(r.diag);
  CHECK_THAT(text, Contains("enti.csv:3:1: id \"A_1\" is too like id \"A:1\" of line 2: both are "
                            "read as \"a_1\" when payments are matched"));
  CHECK_THAT(text, Contains("enti.csv:4:1: id \"a 1\" is too like id \"A:1\" of line 2"));
  CHECK_THAT(text, Contains("enti.csv:5:1: id \"A;1\" is too like id \"A:1\" of line 2"));
  CHECK_THAT(text, Contains("enti.csv:7:1: id \"b1\" is too like id \"B1\" of line 6"));
}

TEST_CASE("names may hold a bidirectional override: kept, and escaped when shown",
          "[entities][ids]") {
  Read r = read(
      "id,name,type,population\n"
      "017001,Comune di \xe2\x80\xae"
      "ordA,comune,1579\n");
  REQUIRE(r.diag.ok());
  REQUIRE(r.entities.size() == 1);
  CHECK(escape_controls(r.entities[0].name) == "Comune di \\u202eordA");
  // The letter's file is named by the id, which holds no such character.
  CHECK(file_name_problem(r.entities[0].id).empty());
  CHECK(file_name_problem("017001\xe2\x80\xae") ==
        "it holds U+202E (right-to-left override), which does not show in a file name");
  CHECK_THAT(file_name_problem("017001\xe2\x80\x8b"), Contains("U+200B"));
}

TEST_CASE("an id column a workbook stores as numbers is told once", "[entities][ids][xlsx]") {
  Diagnostics diag;
  std::vector<CsvRow> rows = {{1, {"id", "name", "type", "population"}},
                              {2, {"17001", "Comune di Acquafredda", "comune", "1579"}},
                              {3, {"17002", "Comune di Adro", "comune", "7245"}}};
  CsvTable table = table_of_rows(rows, "enti.xlsx:Foglio1", diag);
  const std::vector<Entity> text_ids = read_entities(table, diag);
  CHECK(text_ids.size() == 2);
  CHECK(diag.warnings.empty());
  table.number_cells = {{2, 0}, {2, 3}, {3, 0}, {3, 3}};
  const std::vector<Entity> number_ids = read_entities(table, diag);
  CHECK(number_ids.size() == 2);
  REQUIRE(diag.warnings.size() == 1);
  CHECK(diag.warnings[0].str() ==
        "enti.xlsx:Foglio1: the id column holds numbers: Excel drops leading zeros; format the "
        "column as text");
  // Numbers in other columns only: nothing to tell.
  Diagnostics other;
  table.number_cells = {{2, 3}, {3, 3}};
  read_entities(table, other);
  CHECK(other.warnings.empty());
}
