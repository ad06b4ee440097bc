// The rows of `citfee semester`: by line or by entity.
#pragma once

#include <vector>

#include "core/semester.hpp"
#include "core/tariff.hpp"
#include "present/report.hpp"

namespace citfee {

// id,name,period,service,quantity,free,billable,unit_price,amount,due_date
Report semester_lines_report(const std::vector<SemesterBill>& bills, const Tariff& tariff,
                             Period period);

// id,name,period,amount,due_date: one row per entity, zeros included.
Report semester_entities_report(const std::vector<SemesterBill>& bills, const Tariff& tariff,
                                Period period);

}  // namespace citfee
