// The batch of a run's letters (fonts set up once per thread, documents on
// several threads) gives the bytes of the letters made one at a time, each
// with a set-up of its own.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <string>
#include <vector>

#include "output/statement_pdf.hpp"

using namespace citfee;

namespace {

Statement letter(int n) {
  Statement s;
  s.file_stem = fmt::format("0170{:02}-2027", n);
  s.reference = "CIT-QA-2027-" + s.file_stem.substr(0, 6);
  s.issuer.name = "Provincia di Brescia";
  s.issuer.office = "Centro Innovazione e Tecnologie – CIT";
  s.issuer.address = {"Piazza Paolo VI, 29", "25125 Brescia"};
  s.issuer.tax_code = "80008750178";
  s.issuer.iban = n % 4 == 3 ? "" : "IT60X0542811101000000123456";
  s.recipient = {fmt::format("Comune di Località {} con un nome più lungo del solito", n),
                 s.file_stem.substr(0, 6), n % 2 ? "00848860175" : "", ""};
  s.date = {2027, 1, 15};
  s.subject = "Quota annuale di adesione al CIT – anno 2027";
  s.opening = {
      "Si comunica la quota annuale dovuta per l'anno 2027, calcolata sulla popolazione "
      "residente al 31 dicembre."};
  s.columns = {{"Voce", Align::kLeft, 60}, {"Importo", Align::kRight, 40}};
  // From one row to enough for several pages.
  for (int i = 0; i < 1 + (n * 37) % 90; ++i) s.rows.push_back({{"Riga di dettaglio", "1,00 €"}});
  s.total = Money::from_euros(n % 5 == 0 ? 0 : n);
  s.due = {2027, 3, 31};
  s.payment_reason = s.reference;
  s.draft = n % 4 == 3;
  return s;
}

}  // namespace

TEST_CASE("the batch gives the bytes of the letters made one at a time") {
  std::vector<Statement> letters;
  for (int n = 1; n <= 23; ++n) letters.push_back(letter(n));
  std::vector<std::string> expected;
  for (const Statement& s : letters) expected.push_back(statement_pdf(s));
  expected.push_back(combined_pdf(letters, "Quote annuali 2027"));
  for (unsigned threads : {1U, 2U, 3U, 0U}) {
    CAPTURE(threads);
    const std::vector<std::string> batch = statement_pdfs(letters, "Quote annuali 2027", threads);
    REQUIRE(batch.size() == expected.size());
    for (std::size_t i = 0; i < batch.size(); ++i) {
      CAPTURE(i);
      CHECK(batch[i] == expected[i]);
    }
  }
}

TEST_CASE("a batch of no letters has only an empty combined document") {
  const std::vector<std::string> batch = statement_pdfs({}, "nothing", 2);
  REQUIRE(batch.size() == 1);
  CHECK(batch.front().empty());
}

TEST_CASE("each letter is typeset once: the combined document lays nothing out again") {
  const Statement one = letter(7);
  TypesetCounts alone;
  statement_pdfs({one}, "Quote annuali 2027", 1, &alone);
  REQUIRE(alone.made > 0);
  // Three copies of the letter ask for three times its texts, not six: the
  // combined document draws the pages already typeset. And the copies lay
  // nothing out anew: their texts were laid out for the first.
  TypesetCounts three;
  statement_pdfs({one, one, one}, "Quote annuali 2027", 1, &three);
  CHECK(three.made + three.reused == 3 * (alone.made + alone.reused));
  CHECK(three.made == alone.made);
}

TEST_CASE("the texts letters share are laid out once per thread") {
  std::vector<Statement> letters;
  for (int n = 1; n <= 23; ++n) letters.push_back(letter(n));
  TypesetCounts one_letter;
  statement_pdfs({letters.front()}, "Quote annuali 2027", 1, &one_letter);
  TypesetCounts all;
  statement_pdfs(letters, "Quote annuali 2027", 1, &all);
  // The letterhead, the labels, the opening, the table's rows, the payment
  // block: only the names, codes, pages and amounts are a letter's own.
  CHECK(all.made < 23 * one_letter.made / 3);
  CHECK(all.reused > 10 * all.made);
}
