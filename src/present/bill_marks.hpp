// The number and status columns a run with the books adds to its rows.
#pragma once

#include <map>
#include <string>

#include "core/bill_state.hpp"
#include "core/period.hpp"
#include "present/report.hpp"

namespace citfee {

struct BillMark {
  std::string number;  // QA-2027/0001; empty when not issued
  BillState state = BillState::kNotIssued;
  Date date;  // of the bill, when issued
};

// Adds the columns number and status to every row, by the entity id in the
// first column; rows of an id without a mark get empty cells.
Report with_bill_marks(Report report, const std::map<std::string, BillMark>& marks);

}  // namespace citfee
