#include "core/fee_change.hpp"

#include <optional>
#include <string>

#include "core/error.hpp"

namespace citfee {

namespace {

std::optional<std::string> band_of(const AnnualFee& fee, const Tariff& tariff) {
  if (!fee.band) return std::nullopt;
  return band_label(tariff.annual.bands, *fee.band);
}

// The tariff moved the fee when `after`'s residents, billed under the
// tariff and method of `before`, would pay something else.
bool tariff_moved(const AnnualFee& before, const Tariff& before_tariff, const AnnualFee& after) {
  try {
    return annual_fee(before_tariff, before.method, *after.entity, before.year).fee != after.fee;
  } catch (const Error&) {
    return true;  // the other tariff has no rule for this entity at all
  }
}

}  // namespace

FeeChange fee_change(const AnnualFee& before, const Tariff& before_tariff, const AnnualFee& after,
                     const Tariff& after_tariff) {
  FeeChange change;
  change.population = before.entity->population != after.entity->population;
  change.band = band_of(before, before_tariff) != band_of(after, after_tariff);
  change.tariff = tariff_moved(before, before_tariff, after);
  return change;
}

}  // namespace citfee
