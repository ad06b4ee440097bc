// The reminder (sollecito) of an overdue bill, as a statement.
#pragma once

#include "core/balance.hpp"
#include "present/statement.hpp"

namespace citfee {

// The letter asking for what `balance` still owes by `new_due`: the bill's
// reference and number, the amount billed, the payments received with their
// dates, what is still due, the original due date, and which reminder this
// is (`count`, from 1). Its file is <reference>-S<count>.pdf.
Statement reminder_statement(const BillBalance& balance, int count, Date new_due,
                             const StatementSettings& settings);

}  // namespace citfee
