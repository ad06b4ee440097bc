// Turns computed fees into report rows: the columns of each command's output.
#pragma once

#include <vector>

#include "citfee/annual.hpp"
#include "citfee/report.hpp"
#include "citfee/semester.hpp"
#include "citfee/tariff.hpp"

namespace citfee {

// id,name,type,population,band,coefficient,computed,annual_fee,due_date
Report annual_report(const std::vector<AnnualFee>& fees, const Tariff& tariff, int year,
                     Method method);

// id,name,period,service,quantity,free,billable,unit_price,amount,due_date
Report semester_lines_report(const std::vector<SemesterBill>& bills, const Tariff& tariff,
                             Period period);

// id,name,period,amount,due_date: one row per entity, zeros included.
Report semester_entities_report(const std::vector<SemesterBill>& bills, const Tariff& tariff,
                                Period period);

}  // namespace citfee
