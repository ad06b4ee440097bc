// Reading a tariff from TOML: exact decimals, and every mistake reported with
// its place in the file.
#include <catch2/catch.hpp>

#include <string>

#include "input/tariff_toml.hpp"

using namespace citfee;
using Catch::Matchers::Contains;

namespace {

// A small valid tariff; the tests below change one thing in it.
const std::string kBase = R"(id = "t-2026"
title = "Tariffa di prova"
first_year = 2026

[annual]
method = "flat"
rounding = "euro"
due = "03-31"

[[annual.bands]]
up_to = 5000
coefficient = "0.19"

[[annual.bands]]
up_to = 10000
coefficient = "0.175"

[[annual.bands]]
coefficient = "0.14"

[[annual.flat_fees]]
label = "Quota fissa"
types = ["capoluogo", "comunita_montana"]
amount = "300.00"

[semester]
h1_due = "07-31"
h2_due = "01-31"

[[services]]
key = "pec"
label = "Casella PEC"
unit_price = "20.00"
allowance = 4
scope = "convention"

[[services]]
key = "telemaco"
label = "Telemaco"
unit_price = "0.70"
scope = "year"
allowance = { by_population = [{ up_to = 5000, units = 270 }, { units = 1000 }], otherwise = 520 }
)";

// kBase with the first occurrence of `from` replaced by `to`.
std::string with(const std::string& from, const std::string& to, std::string text = kBase) {
  const std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  return text;
}

// 1-based line of the first occurrence of `needle` in `text`.
int line_of(const std::string& text, const std::string& needle) {
  const std::size_t at = text.find(needle);
  REQUIRE(at != std::string::npos);
  int line = 1;
  for (std::size_t i = 0; i < at; ++i) {
    if (text[i] == '\n') ++line;
  }
  return line;
}

struct Result {
  std::optional<Tariff> tariff;
  Diagnostics diag;
  std::string errors;
};

Result parse(const std::string& text) {
  Result r;
  r.tariff = parse_tariff(text, "t.toml", r.diag);
  for (const auto& d : r.diag.errors) r.errors += d.str() + "\n";
  return r;
}

// The tariff is refused, and one of its errors contains `says`; returns that error.
Diagnostic rejected(const std::string& text, const std::string& says) {
  Result r = parse(text);
  INFO(r.errors);
  CHECK_FALSE(r.tariff);
  CHECK_FALSE(r.diag.ok());
  for (const auto& d : r.diag.errors) {
    if (d.message.find(says) != std::string::npos) {
      CHECK(d.where.file == "t.toml");
      return d;
    }
  }
  FAIL("no error says \"" << says << "\"");
  return {};
}

}  // namespace

TEST_CASE("tariff toml: the base tariff is valid", "[tariff]") {
  Result r = parse(kBase);
  INFO(r.errors);
  REQUIRE(r.tariff);
  CHECK(r.diag.errors.empty());
  const Tariff& t = *r.tariff;
  CHECK(t.id == "t-2026");
  CHECK(t.title == "Tariffa di prova");
  CHECK(t.source == "t.toml");
  CHECK(t.first_year == 2026);
  CHECK(t.convention_start == 2026);  // defaults to first_year
  CHECK(t.annual.method == Method::kFlat);
  REQUIRE(t.annual.bands.size() == 3);
  CHECK(t.annual.bands[1].coefficient == Money::parse("0.175"));
  CHECK(t.annual.flat_fees.at(0).types ==
        std::vector<EntityType>{EntityType::kCapoluogo, EntityType::kComunitaMontana});
  CHECK(t.semester.h2_due.month == 1);
  CHECK(t.semester.h2_due.day == 31);
  REQUIRE(t.services.size() == 2);
  CHECK(t.services[0].unit_price == Money::parse("20"));
  CHECK(t.services[0].allowance.fixed == 4);
  CHECK(t.services[0].scope == AllowanceScope::kConvention);
  CHECK(t.services[0].unit == "unità");  // the default
  CHECK(t.services[1].allowance.by_population.size() == 2);
  CHECK(t.services[1].allowance.otherwise == 520);
}

TEST_CASE("tariff toml: float literals are read exactly from their text", "[tariff]") {
  SECTION("coefficient = 0.175") {
    Result r = parse(with("coefficient = \"0.175\"", "coefficient = 0.175"));
    INFO(r.errors);
    REQUIRE(r.tariff);
    CHECK(r.tariff->annual.bands[1].coefficient == Money::parse("0.175"));
    CHECK(r.tariff->annual.bands[1].coefficient.micros() == 175'000);
  }
  SECTION("a comment after the literal, a plus sign, underscores") {
    std::string text = with("coefficient = \"0.19\"", "coefficient = +0.19   # test");
    text = with("coefficient = \"0.175\"", "coefficient = 0.1_75", text);
    text = with("amount = \"300.00\"", "amount = 3_00.000_000", text);
    Result r = parse(text);
    INFO(r.errors);
    REQUIRE(r.tariff);
    CHECK(r.tariff->annual.bands[0].coefficient == Money::parse("0.19"));
    CHECK(r.tariff->annual.bands[1].coefficient == Money::parse("0.175"));
    CHECK(r.tariff->annual.flat_fees[0].amount == Money::parse("300"));
  }
  SECTION("whole numbers are euros") {
    Result r = parse(with("amount = \"300.00\"", "amount = 300"));
    REQUIRE(r.tariff);
    CHECK(r.tariff->annual.flat_fees[0].amount == Money::from_euros(300));
  }
  SECTION("floats inside an inline table") {
    Result r = parse(with("unit_price = \"0.70\"", "unit_price = 0.70"));
    INFO(r.errors);
    REQUIRE(r.tariff);
    CHECK(r.tariff->services[1].unit_price == Money::parse("0.7"));
    const std::string inline_bands = with(
        "[[annual.bands]]\nup_to = 5000\ncoefficient = \"0.19\"\n\n[[annual.bands]]\nup_to = "
        "10000\ncoefficient = "
        "\"0.175\"\n\n[[annual.bands]]\ncoefficient = \"0.14\"\n",
        "");
    Result b = parse(with("due = \"03-31\"\n",
                          "due = \"03-31\"\nbands = [{ up_to = 5000, coefficient = 0.19 }, { "
                          "coefficient = 0.145 }]\n",
                          inline_bands));
    INFO(b.errors);
    REQUIRE(b.tariff);
    REQUIRE(b.tariff->annual.bands.size() == 2);
    CHECK(b.tariff->annual.bands[0].coefficient == Money::parse("0.19"));
    CHECK(b.tariff->annual.bands[1].coefficient == Money::parse("0.145"));
  }
  SECTION("accented text before the literal on the same line") {
    std::string text = with(
        "[[annual.flat_fees]]\nlabel = \"Quota fissa\"\ntypes = [\"capoluogo\", "
        "\"comunita_montana\"]\namount = "
        "\"300.00\"\n",
        "");
    const std::string final_text = with("due = \"03-31\"\n",
                                        "due = \"03-31\"\nflat_fees = [{ label = \"Comunità "
                                        "Montana è più\", types = [\"comunita_montana\"], "
                                        "amount = 300.5 }]\n",
                                        text);
    Result r = parse(final_text);
    INFO(r.errors);
    REQUIRE(r.tariff);
    REQUIRE(r.tariff->annual.flat_fees.size() == 1);
    CHECK(r.tariff->annual.flat_fees[0].amount == Money::parse("300.5"));
    CHECK(r.tariff->annual.flat_fees[0].label == "Comunità Montana è più");
  }
}

TEST_CASE("tariff toml: rejections with the line of the offending node", "[tariff]") {
  SECTION("malformed TOML") {
    const std::string text = with("title = \"Tariffa di prova\"", "title = \"Tariffa di prova");
    Diagnostic d = rejected(text, "not valid TOML");
    CHECK(d.where.line == line_of(text, "title"));
  }
  SECTION("malformed TOML: a key with no value") {
    const std::string text = with("rounding = \"euro\"", "rounding =");
    Diagnostic d = rejected(text, "not valid TOML");
    CHECK(d.where.line >= line_of(text, "rounding ="));
  }
  SECTION("a misspelt key") {
    const std::string text = with("coefficient = \"0.175\"", "coeficient = \"0.175\"");
    Diagnostic d = rejected(text, "unknown key \"coeficient\"");
    CHECK(d.where.line == line_of(text, "coeficient"));
    CHECK_THAT(d.message, Contains("coefficient"));  // lists the known keys
  }
  SECTION("a misspelt top-level key") {
    const std::string text = with("first_year = 2026", "first_year = 2026\nfirst_yaer = 2027");
    Diagnostic d = rejected(text, "first_yaer");
    CHECK(d.where.line == line_of(text, "first_yaer"));
  }
  SECTION("a float literal with an exponent") {
    const std::string text = with("coefficient = \"0.19\"", "coefficient = 1.9e-1");
    Diagnostic d = rejected(text, "coefficient");
    CHECK(d.where.line == line_of(text, "1.9e-1"));
    CHECK_THAT(d.message, Contains("\"0.175\""));  // says how to write it
  }
  SECTION("inf and nan") {
    for (const char* literal : {"inf", "+inf", "nan", "-inf"}) {
      INFO(literal);
      const std::string text =
          with("coefficient = \"0.19\"", std::string("coefficient = ") + literal);
      Diagnostic d = rejected(text, "coefficient");
      CHECK(d.where.line == line_of(text, literal));
    }
  }
  SECTION("a decimal with seven decimals, as a string and as a float") {
    for (const char* literal : {"\"0.1750001\"", "0.1750001"}) {
      INFO(literal);
      const std::string text =
          with("coefficient = \"0.175\"", std::string("coefficient = ") + literal);
      Diagnostic d = rejected(text, "more than 6 decimals");
      CHECK(d.where.line == line_of(text, "0.1750001"));
    }
  }
  SECTION("a decimal with a comma") {
    const std::string text = with("unit_price = \"20.00\"", "unit_price = \"20,00\"");
    Diagnostic d = rejected(text, "unit_price");
    CHECK(d.where.line == line_of(text, "20,00"));
  }
  SECTION("a bad due date") {
    const std::string text = with("due = \"03-31\"", "due = \"02-30\"");
    Diagnostic d = rejected(text, "02-30");
    CHECK(d.where.line == line_of(text, "02-30"));
    CHECK_THAT(d.message, Contains("MM-DD"));
  }
  SECTION("due dates that are not MM-DD") {
    for (const char* due : {"3-31", "03/31", "13-01", "00-10", "31-03", "2026-03-31"}) {
      INFO(due);
      const std::string text = with("h1_due = \"07-31\"", std::string("h1_due = \"") + due + "\"");
      Diagnostic d = rejected(text, "h1_due");
      CHECK(d.where.line == line_of(text, "h1_due"));
    }
  }
  SECTION("an unknown entity type in flat_fees.types") {
    const std::string text = with("types = [\"capoluogo\", \"comunita_montana\"]",
                                  "types = [\"capoluogo\", \"provincia\"]");
    Diagnostic d = rejected(text, "\"provincia\" is not an entity type");
    CHECK(d.where.line == line_of(text, "provincia"));
  }
  SECTION("an unknown entity type in allowance.by_type") {
    const std::string text =
        with("otherwise = 520", "by_type = { provincia = 3 }, otherwise = 520");
    Diagnostic d = rejected(text, "provincia");
    CHECK(d.where.line == line_of(text, "provincia"));
  }
  SECTION("a negative allowance") {
    const std::string text = with("allowance = 4", "allowance = -4");
    Diagnostic d = rejected(text, "negative");
    CHECK(d.where.line == line_of(text, "allowance = -4"));
  }
  SECTION("a negative up_to") {
    const std::string text = with("up_to = 5000", "up_to = -5000");
    Diagnostic d = rejected(text, "negative");
    CHECK(d.where.line == line_of(text, "-5000"));
  }
  SECTION("an unknown method, rounding and scope") {
    const std::string a = with("method = \"flat\"", "method = \"volume\"");
    CHECK(rejected(a, "volume").where.line == line_of(a, "volume"));
    const std::string b = with("rounding = \"euro\"", "rounding = \"euros\"");
    CHECK(rejected(b, "euros").where.line == line_of(b, "euros"));
    const std::string c = with("scope = \"year\"", "scope = \"annual\"");
    CHECK(rejected(c, "annual").where.line == line_of(c, "\"annual\""));
  }
  SECTION("a value of the wrong kind") {
    const std::string a = with("first_year = 2026", "first_year = \"2026\"");
    CHECK(rejected(a, "first_year").where.line == line_of(a, "first_year"));
    const std::string b = with("coefficient = \"0.19\"", "coefficient = true");
    CHECK(rejected(b, "coefficient").where.line == line_of(b, "true"));
  }
}

TEST_CASE("tariff toml: rejections where there is no node to point at", "[tariff]") {
  SECTION("missing [annual]") {
    std::string text = kBase;
    const std::size_t from = text.find("[annual]");
    const std::size_t to = text.find("[semester]");
    text.erase(from, to - from);
    rejected(text, "[annual] is missing");
  }
  SECTION("missing [[services]]") {
    const std::string text = kBase.substr(0, kBase.find("[[services]]"));
    rejected(text, "services is missing");
  }
  SECTION("missing id") {
    rejected(with("id = \"t-2026\"\n", ""), "id is missing");
  }
  SECTION("an empty document") {
    Result r = parse("");
    CHECK_FALSE(r.tariff);
    CHECK_FALSE(r.diag.ok());
  }
}

TEST_CASE("tariff toml: rejections by the rules of a tariff", "[tariff]") {
  SECTION("unordered bands") {
    rejected(with("up_to = 10000", "up_to = 4000"), "rising order");
  }
  SECTION("overlapping bands: the same limit twice") {
    rejected(with("up_to = 10000", "up_to = 5000"), "rising order");
  }
  SECTION("an open band that is not the last") {
    rejected(with("up_to = 5000\n", ""), "only the last band may be open-ended");
  }
  SECTION("a last band with a limit") {
    rejected(with("coefficient = \"0.14\"", "up_to = 20000\ncoefficient = \"0.14\""),
             "last band must be open-ended");
  }
  SECTION("a negative price") {
    rejected(with("unit_price = \"20.00\"", "unit_price = \"-20.00\""), "unit_price is negative");
  }
  SECTION("a negative coefficient, as a float literal") {
    rejected(with("coefficient = \"0.175\"", "coefficient = -0.175"), "coefficient is negative");
  }
  SECTION("a negative flat fee") {
    rejected(with("amount = \"300.00\"", "amount = \"-300\""), "amount is negative");
  }
  SECTION("a service defined twice") {
    rejected(with("key = \"telemaco\"", "key = \"pec\""), "defined twice");
  }
  SECTION("allowance steps out of order") {
    rejected(with("{ up_to = 5000, units = 270 }, { units = 1000 }",
                  "{ up_to = 5000, units = 270 }, { up_to = 3000, units = 300 }, { units = 1000 }"),
             "rising order");
  }
  SECTION("an empty service key") {
    rejected(with("key = \"pec\"", "key = \"\""), "key is empty");
  }
  SECTION("convention_start after first_year") {
    rejected(with("first_year = 2026", "first_year = 2026\nconvention_start = 2027"),
             "convention_start");
  }
}

TEST_CASE("tariff toml: errors found by the rules of a tariff name their line", "[tariff]") {
  // The rules are checked on the tariff read (validate()); each problem must
  // still point at the offending value in the file. (Found here: they used to
  // be reported with the file name only, at line 0.)
  struct Case {
    std::string text;
    std::string says;
    std::string near;  // text on the offending line
  };
  const std::string twice = with("key = \"telemaco\"", "key = \"pec\"");
  const Case cases[] = {
      {with("up_to = 10000", "up_to = 4000"), "rising order", "up_to = 4000"},
      {with("up_to = 5000\n", ""), "only the last band", "coefficient = \"0.19\""},
      {with("coefficient = \"0.14\"", "up_to = 20000\ncoefficient = \"0.14\""),
       "last band must be open-ended", "up_to = 20000"},
      {with("unit_price = \"20.00\"", "unit_price = \"-20.00\""), "unit_price is negative",
       "-20.00"},
      {with("coefficient = \"0.175\"", "coefficient = -0.175"), "coefficient is negative",
       "-0.175"},
      {with("amount = \"300.00\"", "amount = \"-300\""), "amount is negative", "-300"},
      {with("{ up_to = 5000, units = 270 }, { units = 1000 }",
            "{ up_to = 5000, units = 270 }, { up_to = 3000, units = 300 }, { units = 1000 }"),
       "rising order", "up_to = 3000"},
      {with("first_year = 2026", "first_year = 2026\nconvention_start = 2027"), "convention_start",
       "convention_start"},
  };
  for (const Case& c : cases) {
    INFO(c.says);
    Diagnostic d = rejected(c.text, c.says);
    CHECK(d.where.line > 0);
    CHECK(d.where.line == line_of(c.text, c.near));
    CHECK(d.where.column > 0);
  }
  Diagnostic d = rejected(twice, "defined twice");
  CHECK(d.where.line == line_of(twice, "key = \"pec\"\nlabel = \"Telemaco\""));
}

TEST_CASE("tariff toml: a flat fee must be in whole cents", "[tariff]") {
  const std::string text = with("amount = \"300.00\"", "amount = \"300.005\"");
  Diagnostic d = rejected(text, "whole cents");
  CHECK(d.where.line == line_of(text, "300.005"));
}

TEST_CASE("tariff toml: a year that does not fit an int is refused, not truncated", "[tariff]") {
  // Read as int64: narrowing to int without a range check would take
  // 4294969322 (2026 + 2^32) for 2026.
  rejected(with("first_year = 2026", "first_year = 4294969322"), "first_year");
  rejected(with("first_year = 2026", "first_year = 2026\nconvention_start = 4294969318"),
           "convention_start");
}
