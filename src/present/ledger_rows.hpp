// The usage ledger as report rows, in the long usage layout, so that what
// raw logs add up to can be kept, read by people, and read back with --usage.
#pragma once

#include <optional>
#include <vector>

#include "core/entity.hpp"
#include "core/tariff.hpp"
#include "core/usage_ledger.hpp"
#include "present/report.hpp"

namespace citfee {

// id,name,period,service,quantity,unit_price: one row per entity, period and
// service used (and price, for a service priced per event), entities in the
// order of `entities`, periods in time order, services in tariff order.
// `last`: the last period the ledger was built up to, for the heading.
Report ledger_report(const UsageLedger& ledger, const std::vector<Entity>& entities,
                     const Tariff& tariff, std::optional<Period> last);

}  // namespace citfee
