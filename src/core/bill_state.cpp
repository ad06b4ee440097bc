#include "core/bill_state.hpp"

namespace citfee {

std::string_view bill_state_name(BillState state) {
  switch (state) {
    case BillState::kNotIssued:
      return "not_issued";
    case BillState::kIssued:
      return "issued";
    case BillState::kCredit:
      return "credit";
    case BillState::kCorrected:
      return "corrected";
    case BillState::kAlreadyIssued:
      return "already_issued";
  }
  return "not_issued";
}

bool issued_by_this_run(BillState state) {
  return state == BillState::kIssued || state == BillState::kCredit ||
         state == BillState::kCorrected;
}

}  // namespace citfee
