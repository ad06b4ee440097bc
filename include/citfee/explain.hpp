// Plain-words derivations of a fee, for the accountant who must answer
// "why do we owe 56 €?".
#pragma once

#include <string>

#include "citfee/annual.hpp"
#include "citfee/semester.hpp"
#include "citfee/tariff.hpp"

namespace citfee {

std::string explain_annual(const AnnualFee& fee, const Tariff& tariff);
std::string explain_semester(const SemesterBill& bill, const Tariff& tariff);

}  // namespace citfee
