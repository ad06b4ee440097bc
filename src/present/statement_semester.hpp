// The letter of a semester bill.
#pragma once

#include "core/semester.hpp"
#include "core/tariff.hpp"
#include "present/statement.hpp"

namespace citfee {

Statement semester_statement(const SemesterBill& bill, const Tariff& tariff,
                             const StatementSettings& settings);

}  // namespace citfee
