#include "core/annual.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace citfee {

namespace {

const FlatFee* matching_flat_fee(const AnnualRules& rules, const Entity& entity) {
  for (const auto& flat : rules.flat_fees) {
    bool type_matches =
        std::find(flat.types.begin(), flat.types.end(), entity.type) != flat.types.end();
    if (!type_matches) continue;
    if (flat.min_population && (!entity.population || *entity.population < *flat.min_population)) {
      continue;
    }
    return &flat;
  }
  return nullptr;
}

}  // namespace

Money banded_amount(const std::vector<Band>& bands, Method method, std::int64_t population) {
  const std::size_t index = band_index(bands, population);
  if (method == Method::kFlat) {
    return bands[index].coefficient.times(population);
  }
  Money total;
  std::int64_t below = 0;  // residents already charged by lower bands
  for (std::size_t i = 0; i <= index; ++i) {
    std::int64_t top = bands[i].up_to ? std::min(*bands[i].up_to, population) : population;
    total += bands[i].coefficient.times(top - below);
    below = top;
  }
  return total;
}

bool has_annual_rule(const Tariff& tariff, const Entity& entity) {
  return matching_flat_fee(tariff.annual, entity) || carries_population(entity.type);
}

AnnualFee annual_fee(const Tariff& tariff, Method method, const Entity& entity, int year) {
  AnnualFee out;
  out.entity = &entity;
  out.year = year;
  out.method = method;
  out.due = annual_due_date(tariff, year);
  if (const FlatFee* flat = matching_flat_fee(tariff.annual, entity)) {
    out.flat = flat;
    out.computed = flat->amount;
    out.fee = flat->amount;
    return out;
  }
  if (!has_annual_rule(tariff, entity)) {
    throw Error(
        Failure::kBadData,
        fmt::format("{}: the tariff {} sets no annual fee for type {} (entity \"{}\", {}); "
                    "add a flat_fees rule for it to the tariff",
                    entity.where.str(), tariff.id, type_key(entity.type), entity.name, entity.id));
  }
  if (!entity.population) {
    throw Error(Failure::kBadData,
                fmt::format("{}: entity {} ({}) has no population", entity.where.str(), entity.id,
                            type_key(entity.type)));
  }
  out.band = band_index(tariff.annual.bands, *entity.population);
  out.computed = banded_amount(tariff.annual.bands, method, *entity.population);
  out.fee = out.computed.rounded_to(tariff.annual.rounding_unit);
  return out;
}

std::optional<PopulationFigure> band_change(const AnnualFee& fee, const Tariff& tariff) {
  const Entity& e = *fee.entity;
  if (!fee.band || !e.population_used || !e.population_used->year) return std::nullopt;
  auto before = population_for_year(e.populations, *e.population_used->year - 1);
  if (!before || !before->year) return std::nullopt;
  if (band_index(tariff.annual.bands, before->residents) == *fee.band) return std::nullopt;
  return before;
}

bool billed_for_year(const Tariff& tariff, const Entity& entity, int year) {
  return owes_annual_fee(entity.membership, year, tariff.joining);
}

}  // namespace citfee
