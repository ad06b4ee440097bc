// The rows of `citfee annual`: one per entity.
#pragma once

#include <string>
#include <vector>

#include "core/annual.hpp"
#include "core/tariff.hpp"
#include "present/report.hpp"

namespace citfee {

// The same entities' fees under another tariff or method, for a what-if.
struct AnnualComparison {
  std::string what;             // "tariff cit-2028", "method marginal"
  std::vector<AnnualFee> fees;  // in the order of the fees compared
};

// id,name,type,population,band,coefficient,computed,annual_fee,due_date; with
// a comparison also compare_fee and difference (compare_fee - annual_fee),
// both totalled.
Report annual_report(const std::vector<AnnualFee>& fees, const Tariff& tariff, int year,
                     Method method, const AnnualComparison* comparison = nullptr);

}  // namespace citfee
