// Why an entity's annual fee differs from one year to another: the office
// wants to know whether the population, its band or the tariff moved it.
#pragma once

#include "core/annual.hpp"
#include "core/tariff.hpp"

namespace citfee {

struct FeeChange {
  bool population = false;  // the residents counted differ
  bool band = false;        // the population falls in another band (or flat against banded)
  bool tariff = false;      // the same residents would pay another fee under the other tariff
};

// What changed from `before` (under `before_tariff`) to `after` (under
// `after_tariff`). Both fees are of the same entity.
FeeChange fee_change(const AnnualFee& before, const Tariff& before_tariff, const AnnualFee& after,
                     const Tariff& after_tariff);

}  // namespace citfee
