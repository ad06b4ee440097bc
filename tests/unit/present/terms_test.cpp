// The words of states come from one table of terms, by their type: an
// Italian report translates a state, never a text that happens to read like one.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "present/bill_marks.hpp"
#include "present/labels.hpp"
#include "present/terms.hpp"

using namespace citfee;

TEST_CASE("each state has its own term, its key as today's outputs write it") {
  CHECK(term_of(BillState::kIssued).key == "issued");
  CHECK(term_of(BillState::kAlreadyIssued).italian == "già emesso");
  CHECK(term_of(BillState::kCorrected).italian == "rettificato");
  CHECK(term_of(BillState::kNotIssued).key == bill_state_name(BillState::kNotIssued));
  CHECK(term_of(PaymentStatus::kOverdue).italian == "scaduto");
  CHECK(term_of(PaymentStatus::kPaid).key == status_name(PaymentStatus::kPaid));
  CHECK(term_of(Match::kTaxCode).key == match_name(Match::kTaxCode));
  CHECK(reminder_term(true).italian == "già inviato");
  std::set<std::string_view> keys;
  for (BillState s : {BillState::kNotIssued, BillState::kIssued, BillState::kCredit,
                      BillState::kCorrected, BillState::kAlreadyIssued}) {
    keys.insert(term_of(s).key);
    CHECK(term_of(s).key == bill_state_name(s));
  }
  CHECK(keys.size() == 5);
}

TEST_CASE("the Italian report translates the states, and no text that reads like one") {
  Report r;
  r.columns = {"id", "name"};
  r.rows = {{Cell::of_text("017001"), Cell::of_text("issued")},
            {Cell::of_text("017002"), Cell::of_text("Comune di Paid")}};
  std::map<std::string, BillMark> marks;
  marks["017001"] = {"QA-2027/0001", BillState::kAlreadyIssued, {2027, 1, 15}};
  marks["017002"] = {"QA-2027/0002", BillState::kCredit, {2027, 1, 15}};
  const Report english = with_bill_marks(r, marks);
  CHECK(english.columns == std::vector<std::string>{"id", "name", "number", "status"});
  CHECK(english.rows[0][3].text == "already_issued");
  CHECK(english.rows[1][3].text == "credit");
  const Report italian = with_italian_labels(english);
  CHECK(italian.columns == std::vector<std::string>{"Codice", "Denominazione", "Numero", "Stato"});
  CHECK(italian.rows[0][3].text == "già emesso");
  CHECK(italian.rows[1][3].text == "a credito");
  // A name is a name, whatever it reads.
  CHECK(italian.rows[0][1].text == "issued");
  CHECK(italian.rows[1][1].text == "Comune di Paid");
}

TEST_CASE("column labels come from the same table; an unknown column stays as it is") {
  CHECK(italian_label("annual_fee") == "Quota annuale");
  CHECK(column_term("annual_fee")->english == "annual_fee");
  CHECK(italian_label("no_such_column") == "no_such_column");
  CHECK(column_term("no_such_column") == nullptr);
}
