// Totals over the fees of a run, for the Director's view: annual fees by
// band and by type, variable fees by service and semester, the bodies that
// pay the most. Sums only: every figure is one the fee rules computed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "core/annual.hpp"
#include "core/semester.hpp"

namespace citfee {

struct FeeTotals {
  std::int64_t bodies = 0;
  std::int64_t residents = 0;  // of the bodies that carry a population
  Money total;
  Money compare_total;  // the same bodies under the compared tariff or method, when there is one

  void add(const AnnualFee& fee, const AnnualFee* compared);
};

struct AnnualSummary {
  std::vector<FeeTotals> by_band;  // one per band of the tariff, in its order
  FeeTotals flat;                  // the fees that do not come from the bands
  std::vector<std::pair<EntityType, FeeTotals>> by_type;  // types present, in kAllEntityTypes order
  FeeTotals all;
};

// `compared`, when given, holds the same bodies' fees in the same order.
AnnualSummary summarize_annual(const std::vector<AnnualFee>& fees, std::size_t band_count,
                               const std::vector<AnnualFee>* compared = nullptr);

struct ServiceTotals {
  Period period;
  const Service* service = nullptr;
  std::int64_t quantity = 0;
  std::int64_t free = 0;
  std::int64_t billable = 0;
  Money amount;
};

// One row per period (in the order given) and service of the tariff (in its
// order), services nobody used included: every period lists the same ones.
std::vector<ServiceTotals> summarize_services(const std::vector<SemesterBill>& bills,
                                              const Tariff& tariff,
                                              const std::vector<Period>& periods);

struct EntityTotal {
  const Entity* entity = nullptr;
  Money amount;
};

// The bodies by their variable fees over all `bills`, the largest first (ties
// in the order the bodies first appear), those that owe nothing left out; at
// most `limit`.
std::vector<EntityTotal> top_entities(const std::vector<SemesterBill>& bills, std::size_t limit);

}  // namespace citfee
