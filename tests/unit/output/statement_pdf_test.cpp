// The PDF renderer: documents are whole, reproducible, and paginated.
#include <catch2/catch.hpp>

#include <regex>
#include <string>

#include "output/statement_pdf.hpp"

using namespace citfee;

namespace {

Statement sample(int rows) {
  Statement s;
  s.file_stem = "017002-2026-H2";
  s.reference = "CIT-QV-2026-H2-017002";
  s.issuer.name = "Provincia di Brescia";
  s.issuer.office = "Centro Innovazione e Tecnologie – CIT";
  s.issuer.address = {"Piazza Paolo VI, 29", "25125 Brescia"};
  s.issuer.tax_code = "80008750178";
  s.issuer.iban = "IT60X0542811101000000123456";
  s.recipient = {"Comune di Salò", "017170", "", ""};
  s.date = {2027, 1, 15};
  s.subject = "Servizi erogati nel 2° semestre 2026 – quote variabili";
  s.opening = {"Testo di apertura."};
  s.columns = {{"Servizio", Align::kLeft, 60}, {"Importo", Align::kRight, 40}};
  for (int i = 0; i < rows; ++i) s.rows.push_back({{"Evento formativo a pagamento", "10,00 €"}});
  s.total = Money::from_euros(10 * rows);
  s.due = {2027, 1, 31};
  s.payment_reason = "CIT-QV-2026-H2-017002";
  return s;
}

// Page objects in the file: "/Type /Page" not followed by "s".
int page_objects(const std::string& pdf) {
  static const std::regex page("/Type /Page[^s]");
  return static_cast<int>(
      std::distance(std::sregex_iterator(pdf.begin(), pdf.end(), page), std::sregex_iterator()));
}

}  // namespace

TEST_CASE("a statement is a whole PDF dated by the statement") {
  const std::string pdf = statement_pdf(sample(3));
  CHECK(pdf.rfind("%PDF-", 0) == 0);
  CHECK(pdf.find("%%EOF") != std::string::npos);
  // cairo 1.16 leaves out the "D:" that later versions write.
  CHECK(std::regex_search(pdf, std::regex(R"(/CreationDate \((D:)?20270115000000)")));
  CHECK(page_objects(pdf) == 1);
}

TEST_CASE("the same statement gives the same bytes") {
  CHECK(statement_pdf(sample(5)) == statement_pdf(sample(5)));
  Statement later = sample(5);
  later.date = {2027, 1, 16};
  CHECK(statement_pdf(later) != statement_pdf(sample(5)));
}

TEST_CASE("a long table takes more pages, and the count matches the file") {
  CHECK(statement_pages(sample(3)) == 1);
  const Statement long_one = sample(150);
  const int pages = statement_pages(long_one);
  CHECK(pages >= 3);
  CHECK(page_objects(statement_pdf(long_one)) == pages);
  // More rows never take fewer pages.
  int previous = 1;
  for (int rows = 0; rows <= 120; rows += 8) {
    const int n = statement_pages(sample(rows));
    CHECK(n >= previous);
    previous = n;
  }
}

TEST_CASE("the combined PDF holds every statement's pages") {
  const std::vector<Statement> all{sample(2), sample(150), sample(40)};
  const std::string pdf = combined_pdf(all, "Quote variabili");
  CHECK(page_objects(pdf) ==
        statement_pages(all[0]) + statement_pages(all[1]) + statement_pages(all[2]));
  CHECK(combined_pdf({}, "nothing").empty());
}
