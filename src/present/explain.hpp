// Plain-words derivations of a fee, for the accountant who must answer
// "why do we owe 56 €?".
#pragma once

#include <string>

#include "core/annual.hpp"
#include "core/semester.hpp"
#include "core/tariff.hpp"

namespace citfee {

std::string explain_annual(const AnnualFee& fee, const Tariff& tariff);
std::string explain_semester(const SemesterBill& bill, const Tariff& tariff);

}  // namespace citfee
