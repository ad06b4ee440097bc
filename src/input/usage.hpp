// Reads usage files in their two layouts, told apart by the header:
//   wide: id,period,<service>,<service>...  one row per entity and period
//   long: id,period,service,quantity[,unit_price]  rows add up
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/tariff.hpp"
#include "core/usage_ledger.hpp"
#include "input/csv.hpp"

namespace citfee {

enum class UsageLayout { kWide, kLong, kUnknown };

UsageLayout detect_layout(const CsvTable& table);

// Where each (id, period) of a wide row was first seen, across files: two
// wide rows for the same entity and period are an error.
using WideRowIndex = std::map<std::pair<std::string, int>, Location>;

// Parses the rows of one usage file. The wide layout's service columns must be
// services of `tariff` with a price. Problems go to `diag`.
std::vector<UsageRecord> read_usage(const CsvTable& table, const Tariff& tariff,
                                    WideRowIndex& wide_rows, Diagnostics& diag);

}  // namespace citfee
