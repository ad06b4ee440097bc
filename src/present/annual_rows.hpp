// The rows of `citfee annual`: one per entity.
#pragma once

#include <optional>
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

// The same entities' fees of another year, with that year's populations and
// tariff: who pays more than last year, and why.
struct YearComparison {
  int year = 0;
  const Tariff* tariff = nullptr;              // the other year's
  std::vector<std::optional<AnnualFee>> fees;  // none: not billed that year
};

// id,name,type,population,band,coefficient,computed,annual_fee,due_date; with
// a comparison also compare_fee and difference (compare_fee - annual_fee),
// both totalled; with a year comparison compare_population, compare_band,
// compare_fee, difference and why (band, population, tariff).
Report annual_report(const std::vector<AnnualFee>& fees, const Tariff& tariff, int year,
                     Method method, const AnnualComparison* comparison = nullptr,
                     const YearComparison* by_year = nullptr);

}  // namespace citfee
