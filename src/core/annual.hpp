// The fixed annual fee (quota annuale).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/entity.hpp"
#include "core/money.hpp"
#include "core/period.hpp"
#include "core/tariff.hpp"

namespace citfee {

struct AnnualFee {
  const Entity* entity = nullptr;
  int year = 0;
  Method method = Method::kFlat;
  const FlatFee* flat = nullptr;    // set when a flat fee applies
  std::optional<std::size_t> band;  // set when the fee comes from the bands
  Money computed;                   // exact, before rounding
  Money fee;                        // rounded as the tariff says
  Date due;
};

// Whether the tariff has a rule for the entity's annual fee: a flat fee for
// its type, or the population bands for a type that has residents.
bool has_annual_rule(const Tariff& tariff, const Entity& entity);

// Computes the annual fee of one entity for `year` under `tariff`, by `method`
// (normally the tariff's own). Throws Error(kBadData) when the tariff sets no
// fee for the entity's type, or a Comune has no population.
AnnualFee annual_fee(const Tariff& tariff, Method method, const Entity& entity, int year);

// The figure of the year before, when it put the Comune in another band than
// `fee` does: the band changed from one year to the next. None when both
// figures are not dated, or the fee is not banded.
std::optional<PopulationFigure> band_change(const AnnualFee& fee, const Tariff& tariff);

// Whether `entity` is billed the annual fee of `year`: a member of the year,
// and, for a body joining during it, as the tariff's `joining` says.
bool billed_for_year(const Tariff& tariff, const Entity& entity, int year);

// The banded amount for a population, exact, before rounding.
Money banded_amount(const std::vector<Band>& bands, Method method, std::int64_t population);

}  // namespace citfee
