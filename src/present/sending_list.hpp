// The sending list of a letter run: which file goes to which PEC address, so
// the office sends every letter, and knows which bodies have no PEC.
#pragma once

#include <vector>

#include "present/report.hpp"
#include "present/statement.hpp"

namespace citfee {

// id,name,pec,file,reference,amount,due_date,note: one row per letter, in
// the letters' order; `note` says when the body has no PEC address.
Report sending_list(const std::vector<Statement>& statements);

}  // namespace citfee
