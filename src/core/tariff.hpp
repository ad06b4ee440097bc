// The tariff model: Annex A of the Convention as plain data.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/entity.hpp"
#include "core/money.hpp"
#include "core/period.hpp"

namespace citfee {

// How the population bands turn residents into a fee.
enum class Method {
  kFlat,      // the whole population at the coefficient of its band ("volume")
  kMarginal,  // each slice of the population at its own coefficient ("graduated")
};

std::string_view method_key(Method method);
std::optional<Method> parse_method(std::string_view text);

// A population band: residents up to `up_to` (inclusive), above the previous
// band's limit. The last band has no limit.
struct Band {
  std::optional<std::int64_t> up_to;
  Money coefficient;  // euro per resident
};

// A fixed annual fee for some entity types, optionally only from a population on.
struct FlatFee {
  std::vector<EntityType> types;
  std::optional<std::int64_t> min_population;
  Money amount;
  std::string label;
};

struct AnnualRules {
  Method method = Method::kFlat;
  Money rounding_unit = Money::from_euros(1);  // halves away from zero
  MonthDay due;                                // in the year billed
  std::vector<Band> bands;
  std::vector<FlatFee> flat_fees;  // the first that matches applies
};

// Text for a band, as printed in the `band` column: 0-5000, 5001-10000, >15000.
std::string band_label(const std::vector<Band>& bands, std::size_t index);
// The band a population falls in.
std::size_t band_index(const std::vector<Band>& bands, std::int64_t population);

enum class AllowanceScope {
  kNone,        // no free units
  kYear,        // renewed every calendar year
  kConvention,  // once for the whole convention
};

std::string_view scope_key(AllowanceScope scope);

struct PopulationAllowance {
  std::optional<std::int64_t> up_to;  // residents, inclusive; none for the last
  std::int64_t units = 0;
};

// Free units of a service. Resolved in this order: by entity type, by
// population (Comuni only), otherwise; none of them means `fixed`.
struct Allowance {
  std::int64_t fixed = 0;
  std::map<EntityType, std::int64_t> by_type;
  std::vector<PopulationAllowance> by_population;
  std::optional<std::int64_t> otherwise;
};

std::int64_t allowance_for(const Allowance& allowance, const Entity& entity);

// Which rule of the allowance applies to the entity.
struct AllowanceRule {
  enum class Kind { kType, kBand, kOtherwise, kFixed } kind = Kind::kFixed;
  std::int64_t from = 0;              // kBand: the band's residents, from…
  std::optional<std::int64_t> up_to;  // …up to; none for the top band
  bool besides_comuni = false;        // kOtherwise: the rule of entities that are not Comuni
};
AllowanceRule allowance_rule(const Allowance& allowance, const Entity& entity);
// The same in words: "for Comuni of 0 to 5000 residents", "for type
// comunita_montana", "for entities that are not Comuni".
std::string allowance_basis(const Allowance& allowance, const Entity& entity);

struct Service {
  std::string key;                  // firme, pec, telemaco ...
  std::string label;                // Italian, for people
  std::string unit;                 // what one unit is, Italian
  std::optional<Money> unit_price;  // none: set per event, given with the usage
  Allowance allowance;
  AllowanceScope scope = AllowanceScope::kNone;
  std::string note;  // a reading of the schedule worth keeping visible
};

struct SemesterRules {
  MonthDay h1_due;  // in the same year
  MonthDay h2_due;  // in the following year
};

struct Tariff {
  std::string id;      // cit-2026
  std::string title;   // Convenzione CIT 2026–2036 – Allegato A
  std::string source;  // where it was read from
  int first_year = 0;
  int convention_start = 0;               // year the convention began; allowances count from it
  Joining joining = Joining::kWholeYear;  // the annual fee of a body joining during a year
  AnnualRules annual;
  SemesterRules semester;
  std::vector<Service> services;

  const Service* find_service(std::string_view key) const;
};

// The newest tariff whose first year is not after `year`; nullptr if none.
const Tariff* tariff_in_force(const std::vector<Tariff>& tariffs, int year);

// A rule of the tariff broken, and where: the path of the offending value in
// the tariff file's terms ("annual.bands[1].up_to", indexes from 0).
struct TariffProblem {
  std::string path;
  std::string message;
};

// Checks the rules a tariff must obey (ordered bands, non-negative prices, ...).
// Returns one problem each; empty when valid.
std::vector<TariffProblem> validate(const Tariff& tariff);

Date annual_due_date(const Tariff& tariff, int year);
Date semester_due_date(const Tariff& tariff, const Period& period);

}  // namespace citfee
