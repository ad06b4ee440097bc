// Turns computed fees into report rows: the columns of each command's output.
#pragma once

#include <vector>

#include "citfee/annual.hpp"
#include "citfee/report.hpp"
#include "citfee/tariff.hpp"

namespace citfee {

// id,name,type,population,band,coefficient,computed,annual_fee,due_date
Report annual_report(const std::vector<AnnualFee>& fees, const Tariff& tariff, int year, Method method);

}  // namespace citfee
