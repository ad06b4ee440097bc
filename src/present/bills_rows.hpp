// The rows of `citfee bills`: the issued bills, one row each.
#pragma once

#include <vector>

#include "core/issued_bill.hpp"
#include "present/report.hpp"

namespace citfee {

// number,reference,kind,period,id,name,date,due_date,amount,status
Report bills_report(const std::vector<IssuedBill>& bills);

}  // namespace citfee
