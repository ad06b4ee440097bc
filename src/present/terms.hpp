// One table of the words citfee writes for people: each term's key (what
// CSV and JSON carry, and what the readers take back), its English and its
// Italian. Column labels and the words of states both come from it, so a
// translation follows the type of a value, not its text.
#pragma once

#include <string_view>

#include "core/balance.hpp"
#include "core/bill_state.hpp"
#include "core/payment.hpp"

namespace citfee {

struct Term {
  std::string_view key;
  std::string_view english;
  std::string_view italian;
};

// The term of a column name of the SPEC (annual_fee: "Quota annuale");
// nullptr for a name the table does not know.
const Term* column_term(std::string_view key);

// The terms of the states a report shows.
const Term& term_of(BillState state);
const Term& term_of(PaymentStatus status);
const Term& term_of(Match match);
// A reminder written by this run (sent) or the same day's again (already_sent).
const Term& reminder_term(bool already_sent);

}  // namespace citfee
