// Statements built from computed fees: what each one says, before any PDF.
#include <catch2/catch.hpp>

#include <algorithm>

#include "input/issuer_toml.hpp"
#include "input/tariff_source.hpp"
#include "present/statement_annual.hpp"
#include "present/statement_semester.hpp"
#include "support.hpp"

using namespace citfee;
using citfee::test::shipped;

namespace {

Entity entity(std::string id, std::string name, EntityType type,
              std::optional<std::int64_t> population) {
  Entity e;
  e.id = std::move(id);
  e.name = std::move(name);
  e.type = type;
  e.population = population;
  return e;
}

StatementSettings settings() {
  StatementSettings s;
  s.issuer.name = "Provincia di Brescia";
  s.issuer.tax_code = "80008750178";
  s.issuer.iban = "IT60X0542811101000000123456";
  s.date = {2027, 1, 15};
  return s;
}

using Cells = std::vector<std::string>;

bool has_row(const Statement& s, const Cells& cells) {
  return std::any_of(s.rows.begin(), s.rows.end(),
                     [&](const DetailRow& r) { return r.cells == cells; });
}

bool has_note(const Statement& s, const std::string& text) {
  return std::any_of(s.notes.begin(), s.notes.end(),
                     [&](const std::string& n) { return n == text; });
}

}  // namespace

TEST_CASE("an undated population is said so, and never dated") {
  const Entity adro = entity("017002", "Comune di Adro", EntityType::kComune, 7114);
  const AnnualFee fee = annual_fee(shipped(), Method::kFlat, adro, 2027);
  const Statement s = annual_statement(fee, shipped(), settings());
  CHECK(has_row(s, {"Popolazione residente (dato senza anno)", "7.114 abitanti", ""}));
  for (const std::string& line : s.opening) CHECK(line.find("31 dicembre") == std::string::npos);
}

TEST_CASE("annual statement of a Comune in a band") {
  Entity read = entity("017002", "Comune di Adro", EntityType::kComune, 7114);
  read.populations = {{7114, 2026, PopulationSource::kEntitiesColumn, SourceFile("enti.csv"), {}}};
  const Entity adro = with_population_of(read, 2026);
  const AnnualFee fee = annual_fee(shipped(), Method::kFlat, adro, 2027);
  const Statement s = annual_statement(fee, shipped(), settings());
  CHECK(s.file_stem == "017002-2027");
  CHECK(s.reference == "CIT-QA-2027-017002");
  CHECK(s.subject == "Quota annuale di adesione al CIT – anno 2027");
  CHECK(s.recipient.name == "Comune di Adro");
  CHECK(s.recipient.id == "017002");
  // 7,114 x 0.175 = 1,244.95, rounded to the euro: 1,245.
  CHECK(s.total == Money::from_euros(1245));
  CHECK(s.due == Date{2027, 3, 31});
  CHECK(has_row(s, {"Popolazione residente al 31 dicembre 2026", "7.114 abitanti", ""}));
  CHECK(s.opening[1].find("residente al 31 dicembre 2026 per") != std::string::npos);
  CHECK(has_row(s, {"Fascia di popolazione", "da 5.001 a 10.000 abitanti", ""}));
  CHECK(has_row(s, {"Coefficiente della fascia", "0,175 € per abitante", ""}));
  CHECK(has_row(s, {"Importo calcolato", "7.114 × 0,175 €", "1.244,95 €"}));
  CHECK(has_row(s, {"Arrotondamento all'euro", "", "+0,05 €"}));
  REQUIRE(!s.rows.empty());
  CHECK(s.rows.back().result);
  CHECK(s.rows.back().cells == Cells{"Quota annuale 2027", "", "1.245,00 €"});
  CHECK(s.payment_reason == "CIT-QA-2027-017002 quota annuale CIT 2027");
  for (const DetailRow& r : s.rows) CHECK(r.cells.size() == s.columns.size());
}

TEST_CASE("annual statement of the first and the last band") {
  // 2,550 x 0.19 = 484.50 exactly: a half, rounded up to 485.
  const Entity a = entity("017003", "Comune di Agnosine", EntityType::kComune, 2550);
  const Statement low =
      annual_statement(annual_fee(shipped(), Method::kFlat, a, 2027), shipped(), settings());
  CHECK(has_row(low, {"Fascia di popolazione", "fino a 5.000 abitanti", ""}));
  CHECK(has_row(low, {"Importo calcolato", "2.550 × 0,19 €", "484,50 €"}));
  CHECK(has_row(low, {"Arrotondamento all'euro", "", "+0,50 €"}));
  CHECK(low.total == Money::from_euros(485));
  // 15,025 x 0.14 = 2,103.50: 2,104.
  const Entity p = entity("017144", "Comune di Palazzolo sull'Oglio", EntityType::kComune, 15025);
  const Statement high =
      annual_statement(annual_fee(shipped(), Method::kFlat, p, 2027), shipped(), settings());
  CHECK(has_row(high, {"Fascia di popolazione", "oltre 15.000 abitanti", ""}));
  CHECK(high.total == Money::from_euros(2104));
  // Rounding down shows a negative difference: 5,001 x 0.175 = 875.175 -> 875.
  const Entity m = entity("017114", "Comune di Montirone", EntityType::kComune, 5001);
  const Statement down =
      annual_statement(annual_fee(shipped(), Method::kFlat, m, 2027), shipped(), settings());
  CHECK(has_row(down, {"Arrotondamento all'euro", "", "-0,175 €"}));
  CHECK(down.total == Money::from_euros(875));
}

TEST_CASE("annual statement by the marginal method shows each slice") {
  const Entity adro = entity("017002", "Comune di Adro", EntityType::kComune, 7114);
  const AnnualFee fee = annual_fee(shipped(), Method::kMarginal, adro, 2027);
  const Statement s = annual_statement(fee, shipped(), settings());
  // 5,000 x 0.19 = 950; 2,114 x 0.175 = 369.95; together 1,319.95 -> 1,320.
  CHECK(has_row(s, {"Fascia fino a 5.000 abitanti", "5.000 × 0,19 €", "950,00 €"}));
  CHECK(has_row(s, {"Fascia da 5.001 a 10.000 abitanti", "2.114 × 0,175 €", "369,95 €"}));
  CHECK(has_row(s, {"Importo calcolato", "somma delle fasce", "1.319,95 €"}));
  CHECK(s.total == Money::from_euros(1320));
}

TEST_CASE("annual statement of a flat fee") {
  const Entity cm = entity("CM01", "Comunità Montana di Valle Camonica",
                           EntityType::kComunitaMontana, std::nullopt);
  const Statement s =
      annual_statement(annual_fee(shipped(), Method::kFlat, cm, 2027), shipped(), settings());
  CHECK(has_row(s, {"Tipo di ente", "Comunità Montana", ""}));
  CHECK(has_row(s, {"Quota fissa", "Allegato A", "300,00 €"}));
  CHECK(s.total == Money::from_euros(300));
  // No population and no rounding to show.
  for (const DetailRow& r : s.rows) {
    CHECK(r.cells[0].find("Popolazione") == std::string::npos);
    CHECK(r.cells[0].find("Arrotondamento") == std::string::npos);
  }
}

TEST_CASE("semester statement: one line per service, free units used up in order") {
  // A Comune of 3,000 residents: 200 consultations in H1 and 150 in H2 of its
  // 270 a year. January 2027: (150 - 70) x 0.70 = 56.
  const Entity e = entity("017001", "Comune di Acquafredda", EntityType::kComune, 3000);
  UsageLedger ledger;
  ledger.add(e.id, Period::parse("2026-H1"), "telemaco", 200, std::nullopt);
  ledger.add(e.id, Period::parse("2026-H2"), "telemaco", 150, std::nullopt);
  ledger.add(e.id, Period::parse("2026-H2"), "pec", 5, std::nullopt);
  ledger.add(e.id, Period::parse("2026-H2"), "formazione", 2, Money::parse("45"));
  ledger.add(e.id, Period::parse("2026-H2"), "formazione", 1, Money::parse("30.5"));
  const SemesterBill bill = semester_bill(shipped(), ledger, e, Period::parse("2026-H2"));
  const Statement s = semester_statement(bill, shipped(), settings());
  CHECK(s.file_stem == "017001-2026-H2");
  CHECK(s.reference == "CIT-QV-2026-H2-017001");
  CHECK(s.subject == "Servizi erogati nel 2° semestre 2026 – quote variabili");
  CHECK(has_row(s, {"Casella PEC", "5", "4", "1", "20,00 €", "20,00 €"}));
  CHECK(has_row(
      s, {"Consultazione Registro Imprese (Telemaco)", "150", "70", "80", "0,70 €", "56,00 €"}));
  CHECK(has_row(s, {"Evento formativo a pagamento", "2", "0", "2", "45,00 €", "90,00 €"}));
  CHECK(has_row(s, {"Evento formativo a pagamento", "1", "0", "1", "30,50 €", "30,50 €"}));
  // 20 + 56 + 90 + 30.50
  CHECK(s.total == Money::parse("196.50"));
  CHECK(s.rows.back().cells == Cells{"Totale", "", "", "", "", "196,50 €"});
  CHECK(s.due == Date{2027, 1, 31});
  CHECK(has_note(
      s,
      "Consultazione Registro Imprese (Telemaco): quantità gratuita 270 per anno solare (Comuni "
      "fino a 5.000 abitanti); utilizzo nei semestri precedenti dell'anno 200; residuo a inizio "
      "semestre 70."));
  // Two lines of training, one note.
  CHECK(std::count_if(s.notes.begin(), s.notes.end(), [](const std::string& n) {
          return n.rfind("Evento formativo", 0) == 0;
        }) == 1);
  CHECK(s.payment_reason == "CIT-QV-2026-H2-017001 quote variabili CIT 2026-H2");
}

TEST_CASE("semester statement of an entity that used nothing") {
  const Entity e = entity("017093", "Comune di Longhena", EntityType::kComune, 607);
  const SemesterBill bill = semester_bill(shipped(), UsageLedger(), e, Period::parse("2026-H1"));
  const Statement s = semester_statement(bill, shipped(), settings());
  CHECK(s.rows.empty());
  CHECK(s.no_rows == "Nel semestre non risultano servizi utilizzati.");
  CHECK(s.total.is_zero());
  CHECK(s.due == Date{2026, 7, 31});
}

TEST_CASE("references come from what identifies a statement") {
  CHECK(annual_reference(2027, "017002") == "CIT-QA-2027-017002");
  CHECK(annual_reference(2027, "017002") == annual_reference(2027, "017002"));
  CHECK(annual_reference(2028, "017002") != annual_reference(2027, "017002"));
  CHECK(semester_reference(Period::parse("2026-H1"), "017002") == "CIT-QV-2026-H1-017002");
  CHECK(semester_reference(Period::parse("2026-H1"), "017002") !=
        semester_reference(Period::parse("2026-H2"), "017002"));
  // Not a counter: the same entity gets the same reference whatever else is billed.
  const Entity a = entity("017002", "Comune di Adro", EntityType::kComune, 7114);
  StatementSettings other = settings();
  other.date = {2027, 2, 20};
  const AnnualFee fee = annual_fee(shipped(), Method::kFlat, a, 2027);
  CHECK(annual_statement(fee, shipped(), settings()).reference ==
        annual_statement(fee, shipped(), other).reference);
}

TEST_CASE("ids that cannot name a file") {
  CHECK(file_name_problem("017002").empty());
  CHECK(file_name_problem("CM01").empty());
  CHECK(file_name_problem("=017998").empty());
  CHECK(!file_name_problem("").empty());
  CHECK(!file_name_problem("a/b").empty());
  CHECK(!file_name_problem("..").empty());
  CHECK(!file_name_problem(".hidden").empty());
  CHECK(!file_name_problem("a\nb").empty());
  CHECK(!file_name_problem("a\\b").empty());
}

TEST_CASE("a payment reason keeps to the characters of bank transfers") {
  const Entity e = entity("=017998", "Ente", EntityType::kAziendaSpeciale, std::nullopt);
  const Statement s =
      annual_statement(annual_fee(shipped(), Method::kFlat, e, 2027), shipped(), settings());
  CHECK(s.reference == "CIT-QA-2027-=017998");
  CHECK(s.payment_reason == "CIT-QA-2027--017998 quota annuale CIT 2027");
}

TEST_CASE("the built-in issuer is the Provincia as the Convention names it") {
  Issuer issuer;
  Diagnostics diag;
  REQUIRE(read_issuer(builtin_issuer_toml(), "issuer.toml", issuer, diag));
  CHECK(issuer.name == "Provincia di Brescia");
  CHECK(issuer.office == "Centro Innovazione e Tecnologie – CIT");
  CHECK(issuer.address == std::vector<std::string>{"Piazza Paolo VI, 29", "25125 Brescia"});
  CHECK(issuer.tax_code == "80008750178");
  CHECK(issuer.place == "Brescia");
  // Not in the Convention: the user supplies it.
  CHECK(issuer.iban.empty());
}

TEST_CASE("a user's issuer file replaces only the keys it has") {
  Issuer issuer;
  Diagnostics diag;
  REQUIRE(read_issuer(builtin_issuer_toml(), "issuer.toml", issuer, diag));
  REQUIRE(
      read_issuer("iban = \"it60 x054 2811 1010 0000 0123 456\"\npec = \"cit@pec.example.it\"\n",
                  "mio.toml", issuer, diag));
  CHECK(issuer.iban == "IT60X0542811101000000123456");
  CHECK(issuer.pec == "cit@pec.example.it");
  CHECK(issuer.name == "Provincia di Brescia");
  CHECK(diag.ok());
}

TEST_CASE("a wrong issuer file is refused with the line of each problem") {
  Issuer issuer;
  Diagnostics diag;
  REQUIRE(read_issuer(builtin_issuer_toml(), "issuer.toml", issuer, diag));
  CHECK_FALSE(read_issuer(
      "name = \"Provincia\"\niban = \"IT60X0542811101000000123457\"\nibam = \"x\"\naddress = 3\n",
      "mio.toml", issuer, diag));
  REQUIRE(diag.errors.size() == 3);
  CHECK(diag.errors[0].where.line == 2);
  CHECK_THAT(diag.errors[0].message, Catch::Contains("check digits"));
  CHECK(diag.errors[1].where.line == 3);
  CHECK_THAT(diag.errors[1].message, Catch::Contains("unknown key \"ibam\""));
  CHECK(diag.errors[2].where.line == 4);
  CHECK_THAT(diag.errors[2].message, Catch::Contains("address must be a list of strings"));
}

TEST_CASE("an issuer file must say who issues") {
  Issuer issuer;
  Diagnostics diag;
  CHECK_FALSE(read_issuer("place = \"Brescia\"\n", "mio.toml", issuer, diag));
  REQUIRE(diag.errors.size() == 3);
  CHECK_THAT(diag.errors[0].message, Catch::Contains("name is missing"));
}
