// Plain-words derivations of a fee, for the accountant who must answer
// "why do we owe 56 €?".
#pragma once

#include <string>

#include "core/annual.hpp"
#include "core/issued_bill.hpp"
#include "core/semester.hpp"
#include "core/settlement.hpp"
#include "core/tariff.hpp"
#include "present/language.hpp"

namespace citfee {

std::string explain_annual(const AnnualFee& fee, const Tariff& tariff,
                           Language language = Language::kEnglish);
std::string explain_semester(const SemesterBill& bill, const Tariff& tariff,
                             Language language = Language::kEnglish);

// With the books: how the earlier semesters issued stand today (billed so
// far, recomputed, difference: what a bill of `period` settles), and the
// bill of `period` if it was issued.
std::string explain_settlements(Period period, const std::vector<Settlement>& settled,
                                const IssuedBill* issued, Language language = Language::kEnglish);

}  // namespace citfee
