// What a run with the books did with an entity's bill: a state, not a word,
// so that a typo does not compile and silently drop a letter.
#pragma once

#include <string_view>

namespace citfee {

enum class BillState {
  kNotIssued,      // computed, not issued (a run without --issue)
  kIssued,         // issued by this run
  kCredit,         // issued by this run, negative: the entity's credit
  kCorrected,      // a correction of the bill issued before, issued by this run
  kAlreadyIssued,  // issued by an earlier run, shown as it was
};

// The key of the state in the outputs: not_issued, issued, credit, corrected,
// already_issued.
std::string_view bill_state_name(BillState state);

// Whether this run issued the bill (or its correction).
bool issued_by_this_run(BillState state);

}  // namespace citfee
