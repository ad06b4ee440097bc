// The rows of `citfee annual`: one per entity.
#pragma once

#include <vector>

#include "core/annual.hpp"
#include "core/tariff.hpp"
#include "present/report.hpp"

namespace citfee {

// id,name,type,population,band,coefficient,computed,annual_fee,due_date
Report annual_report(const std::vector<AnnualFee>& fees, const Tariff& tariff, int year,
                     Method method);

}  // namespace citfee
