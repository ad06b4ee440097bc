// The whole text of each kind of letter, as the Statement model words it:
// every sentence, label and value a letter shows, in the order it is laid
// out, checked without typesetting anything. The amounts are worked out by
// hand in the comments.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "core/balance.hpp"
#include "core/issued_bill.hpp"
#include "core/payment.hpp"
#include "core/semester.hpp"
#include "present/statement.hpp"
#include "present/statement_annual.hpp"
#include "present/statement_correction.hpp"
#include "present/statement_reminder.hpp"
#include "present/statement_semester.hpp"
#include "support.hpp"

using namespace citfee;
using citfee::test::shipped;

namespace {

using Lines = std::vector<std::string>;

StatementSettings settings(Date date) {
  StatementSettings s;
  s.issuer.name = "Provincia di Brescia";
  s.issuer.office = "Centro Innovazione e Tecnologie – CIT";
  s.issuer.address = {"Piazza Paolo VI, 29", "25125 Brescia"};
  s.issuer.tax_code = "80008750178";
  s.issuer.pec = "protocollo@pec.provincia.bs.it";
  s.issuer.place = "Brescia";
  s.issuer.iban = "IT60X0542811101000000123456";
  s.issuer.signature = {"Il Dirigente", "Mario Rossi"};
  s.date = date;
  return s;
}

Entity comune(std::string id, std::string name, std::int64_t population) {
  Entity e;
  e.id = std::move(id);
  e.name = std::move(name);
  e.type = EntityType::kComune;
  e.population = population;
  return e;
}

// Line by line, so that a difference names its line.
void check_text(const Statement& s, const Lines& want) {
  const Lines got = statement_text(s);
  for (std::size_t i = 0; i < std::max(got.size(), want.size()); ++i) {
    INFO("line " << i + 1);
    CHECK((i < got.size() ? got[i] : "(none)") == (i < want.size() ? want[i] : "(none)"));
  }
}

// The head every letter of these settings begins with.
const Lines kHead = {
    "Provincia di Brescia",
    "Centro Innovazione e Tecnologie – CIT",
    "Piazza Paolo VI, 29 – 25125 Brescia",
    "C.F. 80008750178 · PEC protocollo@pec.provincia.bs.it",
};

Lines with_head(Lines body) {
  Lines out = kHead;
  out.insert(out.end(), body.begin(), body.end());
  return out;
}

}  // namespace

TEST_CASE("the whole text of a draft annual letter") {
  Entity read = comune("017002", "Comune di Adro", 7114);
  read.tax_code = "00575840176";
  read.pec = "protocollo@pec.comune.adro.bs.it";
  read.populations = {
      PopulationFigure{7114, 2026, PopulationSource::kEntitiesColumn, SourceFile("enti.csv"), {}}};
  const Entity adro = with_population_of(read, 2026);
  // A draft without an account: the payment block says so, and every page
  // is marked.
  StatementSettings draft = settings({2027, 1, 20});
  draft.issuer.iban.clear();
  draft.draft = true;
  const Statement s =
      annual_statement(annual_fee(shipped(), Method::kFlat, adro, 2027), shipped(), draft);
  // 7,114 x 0.175 = 1,244.95, rounded to the euro: 1,245.00.
  check_text(s,
             with_head({
                 "Riferimento: CIT-QA-2027-017002",
                 "Data: Brescia, 20 gennaio 2027",
                 "Spett.le",
                 "Comune di Adro",
                 "Codice ente 017002",
                 "C.F. 00575840176",
                 "PEC\u00a0protocollo@pec.comune.adro.bs.it",
                 "Oggetto: Quota annuale di adesione al CIT – anno 2027",
                 "Come previsto dalla Convenzione per la gestione del Centro Innovazione e "
                 "Tecnologie e dalle Schede Tecnico-Economiche (Allegato A), si comunica la quota "
                 "annuale di adesione al CIT dovuta da codesto Ente per l'anno 2027.",
                 "La quota è calcolata moltiplicando la popolazione residente al 31 dicembre 2026 "
                 "per il coefficiente della fascia di popolazione in cui l'Ente si colloca.",
                 "Voce | Dettaglio | Importo",
                 "Popolazione residente al 31 dicembre 2026 | 7.114 abitanti | ",
                 "Fascia di popolazione | da 5.001 a 10.000 abitanti | ",
                 "Coefficiente della fascia | 0,175 € per abitante | ",
                 "Importo calcolato | 7.114 × 0,175 € | 1.244,95 €",
                 "Arrotondamento all'euro |  | +0,05 €",
                 "---",
                 "Quota annuale 2027 |  | 1.245,00 €",
                 "Tariffa applicata: Convenzione CIT 2026–2036 – Allegato A (cit-2026).",
                 "Quota annuale 2027 dovuta: 1.245,00 €",
                 "Da versare entro il 31 marzo 2027.",
                 "Modalità di pagamento",
                 "Bonifico bancario con i dati seguenti.",
                 "Beneficiario: Provincia di Brescia",
                 "IBAN: non indicato (bozza)",
                 "Causale: CIT-QA-2027-017002 quota annuale CIT 2027",
                 "Importo: 1.245,00 €",
                 "Scadenza: 31/03/2027",
                 "Distinti saluti.",
                 "Il Dirigente",
                 "Mario Rossi",
                 "CIT-QA-2027-017002 · Comune di Adro",
                 "Provincia di Brescia – Centro Innovazione e Tecnologie – CIT · C.F. 80008750178",
                 "BOZZA – documento non valido per il pagamento",
                 "BOZZA",
             }));
}

TEST_CASE("the whole text of a semester letter with a conguaglio") {
  Entity e = comune("017001", "Comune di Acquafredda", 3000);
  e.pec = "protocollo@pec.comune.acquafredda.bs.it";
  UsageLedger ledger;
  ledger.add(e.id, Period::parse("2026-H2"), "pec", 5, std::nullopt);
  ledger.add(e.id, Period::parse("2026-H2"), "formazione", 2, Money::parse("45"));
  SemesterBill bill = semester_bill(shipped(), ledger, e, Period::parse("2026-H2"));
  add_settlements(bill,
                  {{Period::parse("2026-H1"), Money::parse("38.50"), Money::parse("178.50")}});
  // 5 mailboxes, 4 free: 1 x 20.00; 2 courses at 45.00: 90.00; the first
  // semester recomputed 178.50 against 38.50 billed: 140.00. 250.00 in all.
  check_text(semester_statement(bill, shipped(), settings({2027, 1, 20})),
             with_head({
                 "Riferimento: CIT-QV-2026-H2-017001",
                 "Data: Brescia, 20 gennaio 2027",
                 "Spett.le",
                 "Comune di Acquafredda",
                 "Codice ente 017001",
                 "PEC\u00a0protocollo@pec.comune.acquafredda.bs.it",
                 "Oggetto: Servizi erogati nel 2° semestre 2026 – quote variabili",
                 "Come previsto dalla Convenzione per la gestione del Centro Innovazione e "
                 "Tecnologie e dalle Schede Tecnico-Economiche (Allegato A), si trasmette il "
                 "dettaglio dei servizi erogati a codesto Ente nel 2° semestre 2026 "
                 "(luglio–dicembre 2026), con la quota variabile dovuta per i servizi utilizzati "
                 "oltre le quantità gratuite comprese nella quota annuale.",
                 "Servizio | Utilizzati | Gratuiti | A pagamento | Prezzo unitario | Importo",
                 "Casella PEC | 5 | 4 | 1 | 20,00 € | 20,00 €",
                 "Evento formativo a pagamento | 2 | 0 | 2 | 45,00 € | 90,00 €",
                 "Conguaglio 1° semestre 2026 |  |  |  |  | 140,00 €",
                 "---",
                 "Totale |  |  |  |  | 250,00 €",
                 "Casella PEC: quantità gratuita 4 per tutta la durata della convenzione; utilizzo "
                 "nei semestri precedenti 0; residuo a inizio semestre 4.",
                 "Evento formativo a pagamento: prezzo stabilito per ciascun evento.",
                 "Conguaglio del 1° semestre 2026: già fatturato 38,50 €, ricalcolato sui consumi "
                 "aggiornati 178,50 €, differenza 140,00 €.",
                 "Tariffa applicata: Convenzione CIT 2026–2036 – Allegato A (cit-2026).",
                 "Totale quote variabili del 2° semestre 2026: 250,00 €",
                 "Da versare entro il 31 gennaio 2027.",
                 "Modalità di pagamento",
                 "Bonifico bancario con i dati seguenti.",
                 "Beneficiario: Provincia di Brescia",
                 "IBAN: IT60X0542811101000000123456",
                 "Causale: CIT-QV-2026-H2-017001 quote variabili CIT 2026-H2",
                 "Importo: 250,00 €",
                 "Scadenza: 31/01/2027",
                 "Distinti saluti.",
                 "Il Dirigente",
                 "Mario Rossi",
                 "CIT-QV-2026-H2-017001 · Comune di Acquafredda",
                 "Provincia di Brescia – Centro Innovazione e Tecnologie – CIT · C.F. 80008750178",
             }));
}

TEST_CASE("the whole text of a letter in credit") {
  const Entity e = comune("017002", "Comune di Adro", 7114);
  SemesterBill bill = semester_bill(shipped(), UsageLedger(), e, Period::parse("2027-H1"));
  add_settlements(bill,
                  {{Period::parse("2026-H1"), Money::parse("140"), Money()},
                   {Period::parse("2026-H2"), Money::parse("248.50"), Money::parse("178.50")}});
  // Nothing used; -140.00 and -70.00 settled: -210.00, nothing to pay.
  check_text(semester_statement(bill, shipped(), settings({2027, 7, 20})),
             with_head({
                 "Riferimento: CIT-QV-2027-H1-017002",
                 "Data: Brescia, 20 luglio 2027",
                 "Spett.le",
                 "Comune di Adro",
                 "Codice ente 017002",
                 "Oggetto: Servizi erogati nel 1° semestre 2027 – quote variabili",
                 "Come previsto dalla Convenzione per la gestione del Centro Innovazione e "
                 "Tecnologie e dalle Schede Tecnico-Economiche (Allegato A), si trasmette il "
                 "dettaglio dei servizi erogati a codesto Ente nel 1° semestre 2027 "
                 "(gennaio–giugno 2027), con la quota variabile dovuta per i servizi utilizzati "
                 "oltre le quantità gratuite comprese nella quota annuale.",
                 "Servizio | Utilizzati | Gratuiti | A pagamento | Prezzo unitario | Importo",
                 "Conguaglio 1° semestre 2026 |  |  |  |  | -140,00 €",
                 "Conguaglio 2° semestre 2026 |  |  |  |  | -70,00 €",
                 "---",
                 "Totale |  |  |  |  | -210,00 €",
                 "Conguaglio del 1° semestre 2026: già fatturato 140,00 €, ricalcolato sui consumi "
                 "aggiornati 0,00 €, differenza -140,00 €.",
                 "Conguaglio del 2° semestre 2026: già fatturato 248,50 €, ricalcolato sui consumi "
                 "aggiornati 178,50 €, differenza -70,00 €.",
                 "Tariffa applicata: Convenzione CIT 2026–2036 – Allegato A (cit-2026).",
                 "Totale del 1° semestre 2027, a credito: -210,00 €",
                 "Importo a credito dell'Ente.",
                 "L'importo risulta a credito di codesto Ente: non è dovuto alcun versamento, e il "
                 "credito sarà regolato nel saldo dei pagamenti.",
                 "Distinti saluti.",
                 "Il Dirigente",
                 "Mario Rossi",
                 "CIT-QV-2027-H1-017002 · Comune di Adro",
                 "Provincia di Brescia – Centro Innovazione e Tecnologie – CIT · C.F. 80008750178",
             }));
}

TEST_CASE("the whole text of a letter with nothing to pay") {
  const Entity e = comune("017093", "Comune di Longhena", 607);
  const SemesterBill bill = semester_bill(shipped(), UsageLedger(), e, Period::parse("2026-H1"));
  check_text(semester_statement(bill, shipped(), settings({2026, 8, 10})),
             with_head({
                 "Riferimento: CIT-QV-2026-H1-017093",
                 "Data: Brescia, 10 agosto 2026",
                 "Spett.le",
                 "Comune di Longhena",
                 "Codice ente 017093",
                 "Oggetto: Servizi erogati nel 1° semestre 2026 – quote variabili",
                 "Come previsto dalla Convenzione per la gestione del Centro Innovazione e "
                 "Tecnologie e dalle Schede Tecnico-Economiche (Allegato A), si trasmette il "
                 "dettaglio dei servizi erogati a codesto Ente nel 1° semestre 2026 "
                 "(gennaio–giugno 2026), con la quota variabile dovuta per i servizi utilizzati "
                 "oltre le quantità gratuite comprese nella quota annuale.",
                 "Nel semestre non risultano servizi utilizzati.",
                 "Tariffa applicata: Convenzione CIT 2026–2036 – Allegato A (cit-2026).",
                 "Totale quote variabili del 1° semestre 2026: 0,00 €",
                 "Per questo periodo non è dovuto alcun importo: la presente comunicazione ha "
                 "valore informativo.",
                 "Distinti saluti.",
                 "Il Dirigente",
                 "Mario Rossi",
                 "CIT-QV-2026-H1-017093 · Comune di Longhena",
                 "Provincia di Brescia – Centro Innovazione e Tecnologie – CIT · C.F. 80008750178",
             }));
}

TEST_CASE("the whole text of an annual correction letter") {
  Entity e = comune("017001", "Comune di Acquafredda", 1600);
  e.tax_code = "00848860175";
  IssuedBill first;
  first.number = "QA-2027/0001";
  first.reference = "CIT-QA-2027-017001";
  first.kind = BillKind::kAnnual;
  first.period = "2027";
  first.entity_id = e.id;
  first.name = e.name;
  first.date = {2027, 1, 20};
  first.due = {2027, 3, 31};
  first.total = Money::from_euros(298);
  // 1,600 x 0.19 = 304.00 against 298.00 issued: 6.00 more.
  IssuedBill fix = first;
  fix.number = "QA-2027/0018";
  fix.reference = "CIT-QA-2027-017001-R1";
  fix.kind = BillKind::kAnnualCorrection;
  fix.date = {2027, 3, 15};
  fix.due = {2027, 4, 14};
  BillLine line;
  line.service = "quota_annuale";
  line.period = "2027";
  line.population = 1600;
  line.population_year = 2026;
  line.billed_before = Money::from_euros(298);
  line.correct = Money::from_euros(304);
  line.amount = Money::from_euros(6);
  fix.lines = {line};
  fix.total = Money::from_euros(6);
  check_text(
      correction_statement(fix, first, e, shipped(), settings({2027, 3, 15})),
      with_head({
          "Numero: QA-2027/0018",
          "Riferimento: CIT-QA-2027-017001-R1",
          "Data: Brescia, 15 marzo 2027",
          "Spett.le",
          "Comune di Acquafredda",
          "Codice ente 017001",
          "C.F. 00848860175",
          "Oggetto: Rettifica della quota annuale di adesione al CIT – anno 2027",
          "La quota annuale di adesione al CIT dovuta da codesto Ente per l'anno 2027, comunicata "
          "con il documento n. QA-2027/0001 (riferimento CIT-QA-2027-017001), è rideterminata a "
          "seguito dell'aggiornamento dei dati su cui è calcolata. Il documento già emesso resta "
          "valido: la presente rettifica ne regola la differenza.",
          "Voce | Dettaglio | Importo",
          "Quota annuale 2027 già comunicata | documento QA-2027/0001 | 298,00 €",
          "Popolazione residente al 31 dicembre 2026 | 1.600 abitanti | ",
          "Quota annuale 2027 rideterminata |  | 304,00 €",
          "---",
          "Rettifica |  | +6,00 €",
          "Tariffa applicata: Convenzione CIT 2026–2036 – Allegato A (cit-2026).",
          "Rettifica della quota annuale 2027 dovuta: 6,00 €",
          "Da versare entro il 14 aprile 2027.",
          "Modalità di pagamento",
          "Bonifico bancario con i dati seguenti.",
          "Beneficiario: Provincia di Brescia",
          "IBAN: IT60X0542811101000000123456",
          "Causale: CIT-QA-2027-017001-R1 rettifica quota annuale CIT 2027",
          "Importo: 6,00 €",
          "Scadenza: 14/04/2027",
          "Distinti saluti.",
          "Il Dirigente",
          "Mario Rossi",
          "CIT-QA-2027-017001-R1 · Comune di Acquafredda",
          "Provincia di Brescia – Centro Innovazione e Tecnologie – CIT · C.F. 80008750178",
      }));
}

TEST_CASE("the whole text of a reminder") {
  IssuedBill bill;
  bill.number = "QA-2027/0003";
  bill.reference = "CIT-QA-2027-017028";
  bill.kind = BillKind::kAnnual;
  bill.period = "2027";
  bill.entity_id = "017028";
  bill.name = "Comune di Breno";
  bill.pec = "protocollo@pec.comune.breno.bs.it";
  bill.date = {2027, 1, 15};
  bill.due = {2027, 3, 31};
  bill.total = Money::from_euros(877);
  Payment paid;
  paid.id = "P-000001";
  paid.date = {2027, 3, 20};
  paid.amount = Money::from_euros(500);
  BillBalance b;
  b.bill = &bill;
  b.payments = {&paid};
  b.paid = paid.amount;
  b.outstanding = Money::from_euros(377);  // 877.00 - 500.00
  check_text(reminder_statement(b, 2, {2027, 6, 9}, settings({2027, 5, 10})),
             with_head({
                 "Numero: QA-2027/0003",
                 "Riferimento: CIT-QA-2027-017028",
                 "Data: Brescia, 10 maggio 2027",
                 "Spett.le",
                 "Comune di Breno",
                 "Codice ente 017028",
                 "PEC\u00a0protocollo@pec.comune.breno.bs.it",
                 "Oggetto: Sollecito di pagamento – quota annuale 2027",
                 "Dalle nostre registrazioni il documento QA-2027/0003 del 15 gennaio 2027 (quota "
                 "annuale 2027, riferimento CIT-QA-2027-017028), scaduto il 31 marzo 2027, non "
                 "risulta interamente saldato.",
                 "Questo è il 2° sollecito per il documento.",
                 "Vi chiediamo di versare l'importo ancora dovuto entro il 9 giugno 2027, con i "
                 "dati di pagamento indicati sotto. Se il pagamento è già stato disposto, vogliate "
                 "considerare nulla questa comunicazione.",
                 "Descrizione | Data | Importo",
                 "Documento QA-2027/0003 | 15/01/2027 | 877,00 €",
                 "Pagamento ricevuto (P-000001) | 20/03/2027 | -500,00 €",
                 "---",
                 "Importo ancora dovuto |  | 377,00 €",
                 "Scadenza originaria: 31 marzo 2027. Sollecito n. 2.",
                 "Importo ancora dovuto: 377,00 €",
                 "Da versare entro il 9 giugno 2027.",
                 "Modalità di pagamento",
                 "Bonifico bancario con i dati seguenti.",
                 "Beneficiario: Provincia di Brescia",
                 "IBAN: IT60X0542811101000000123456",
                 "Causale: CIT-QA-2027-017028 sollecito 2",
                 "Importo: 377,00 €",
                 "Scadenza: 09/06/2027",
                 "Distinti saluti.",
                 "Il Dirigente",
                 "Mario Rossi",
                 "CIT-QA-2027-017028 · Comune di Breno",
                 "Provincia di Brescia – Centro Innovazione e Tecnologie – CIT · C.F. 80008750178",
             }));
}

TEST_CASE("a letter's words follow its due date and number as last set") {
  // A run may move a late letter's due date and number it after building
  // it: the words are taken from the statement as it is then.
  const Entity e = comune("017003", "Comune di Agnosine", 2550);
  Statement s = annual_statement(annual_fee(shipped(), Method::kFlat, e, 2027), shipped(),
                                 settings({2027, 1, 20}));
  s.due = {2027, 5, 10};
  s.number = "QA-2027/0002";
  const LetterWords w = letter_words(s);
  CHECK(w.total_remark == "Da versare entro il 10 maggio 2027.");
  REQUIRE(w.payment);
  CHECK(w.payment->lines.back().value == "10/05/2027");
  REQUIRE(!w.marks.empty());
  CHECK(w.marks.front().label == "Numero");
  CHECK(w.marks.front().value == "QA-2027/0002");
  CHECK(w.draft_mark.empty());
  CHECK(w.draft_notice.empty());
  CHECK(w.document_title == "Quota annuale di adesione al CIT – anno 2027 – Comune di Agnosine");
}

TEST_CASE("page numbers are worded once the pages are counted") {
  CHECK(page_words(2, 3) == "Pagina 2 di 3");
  CHECK(page_words(1, 0) == "Pagina 1");
}
