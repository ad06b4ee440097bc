#include "core/tariff.hpp"

#include <fmt/format.h>

namespace citfee {

std::string_view method_key(Method method) {
  return method == Method::kFlat ? "flat" : "marginal";
}

std::optional<Method> parse_method(std::string_view text) {
  if (text == "flat") return Method::kFlat;
  if (text == "marginal") return Method::kMarginal;
  return std::nullopt;
}

std::string_view scope_key(AllowanceScope scope) {
  switch (scope) {
    case AllowanceScope::kYear:
      return "year";
    case AllowanceScope::kConvention:
      return "convention";
    case AllowanceScope::kNone:
      break;
  }
  return "none";
}

std::string band_label(const std::vector<Band>& bands, std::size_t index) {
  std::int64_t from = index == 0 ? 0 : *bands[index - 1].up_to + 1;
  if (!bands[index].up_to) {
    return from == 0 ? std::string("all") : fmt::format(">{}", from - 1);
  }
  return fmt::format("{}-{}", from, *bands[index].up_to);
}

std::size_t band_index(const std::vector<Band>& bands, std::int64_t population) {
  for (std::size_t i = 0; i < bands.size(); ++i) {
    if (!bands[i].up_to || population <= *bands[i].up_to) return i;
  }
  return bands.size() - 1;
}

std::int64_t allowance_for(const Allowance& allowance, const Entity& entity) {
  if (auto it = allowance.by_type.find(entity.type); it != allowance.by_type.end()) {
    return it->second;
  }
  if (!allowance.by_population.empty() && carries_population(entity.type) && entity.population) {
    for (const auto& step : allowance.by_population) {
      if (!step.up_to || *entity.population <= *step.up_to) return step.units;
    }
  }
  if (allowance.otherwise) return *allowance.otherwise;
  return allowance.fixed;
}

AllowanceRule allowance_rule(const Allowance& allowance, const Entity& entity) {
  using Kind = AllowanceRule::Kind;
  if (allowance.by_type.count(entity.type)) return {Kind::kType, 0, std::nullopt, false};
  if (!allowance.by_population.empty() && carries_population(entity.type) && entity.population) {
    const auto& steps = allowance.by_population;
    for (std::size_t i = 0; i < steps.size(); ++i) {
      if (steps[i].up_to && *entity.population > *steps[i].up_to) continue;
      const std::int64_t from = i == 0 ? 0 : *steps[i - 1].up_to + 1;
      return {Kind::kBand, from, steps[i].up_to, false};
    }
  }
  if (allowance.otherwise)
    return {Kind::kOtherwise, 0, std::nullopt, !allowance.by_population.empty()};
  return {};
}

std::string allowance_basis(const Allowance& allowance, const Entity& entity) {
  const AllowanceRule rule = allowance_rule(allowance, entity);
  switch (rule.kind) {
    case AllowanceRule::Kind::kType:
      return fmt::format("for type {}", type_key(entity.type));
    case AllowanceRule::Kind::kBand:
      if (!rule.up_to) {
        return rule.from == 0 ? std::string("for every Comune")
                              : fmt::format("for Comuni over {} residents", rule.from - 1);
      }
      return fmt::format("for Comuni of {} to {} residents", rule.from, *rule.up_to);
    case AllowanceRule::Kind::kOtherwise:
      return rule.besides_comuni ? "for entities that are not Comuni" : "for every other entity";
    case AllowanceRule::Kind::kFixed:
      break;
  }
  return "for every entity";
}

const Service* Tariff::find_service(std::string_view key) const {
  for (const auto& s : services) {
    if (s.key == key) return &s;
  }
  return nullptr;
}

const Tariff* tariff_in_force(const std::vector<Tariff>& tariffs, int year) {
  const Tariff* best = nullptr;
  for (const auto& t : tariffs) {
    if (t.first_year <= year && (!best || t.first_year > best->first_year)) best = &t;
  }
  return best;
}

namespace {

// Limits must rise strictly and only the last step may be open. `path` names
// the list ("annual.bands"); `value` the key every step has.
template <typename Step>
void check_steps(const std::vector<Step>& steps, const std::string& path, const std::string& value,
                 std::vector<TariffProblem>& problems) {
  std::int64_t previous = 0;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const bool last = i + 1 == steps.size();
    const std::string here = fmt::format("{}[{}]", path, i);
    if (!steps[i].up_to) {
      if (!last) {
        problems.push_back(
            {here + "." + value,
             fmt::format("{} {}: only the last band may be open-ended (give it an up_to)", path,
                         i + 1)});
      }
      continue;
    }
    if (last) {
      problems.push_back(
          {here + ".up_to",
           fmt::format("{} {}: the last band must be open-ended (no up_to)", path, i + 1)});
    }
    if (*steps[i].up_to <= previous) {
      problems.push_back(
          {here + ".up_to", fmt::format("{} {}: up_to {} must be greater than {} (bands in rising "
                                        "order, not overlapping)",
                                        path, i + 1, *steps[i].up_to, previous)});
    }
    previous = *steps[i].up_to;
  }
}

bool valid_month_day(MonthDay md) {
  return is_valid_date(2001, md.month, md.day);
}

bool whole_cents(Money m) {
  return m.decimals_needed() <= 2;
}

void check_annual(const AnnualRules& a, std::vector<TariffProblem>& problems) {
  if (a.bands.empty())
    problems.push_back({"annual.bands", "annual.bands: at least one band is needed"});
  check_steps(a.bands, "annual.bands", "coefficient", problems);
  for (std::size_t i = 0; i < a.bands.size(); ++i) {
    if (a.bands[i].coefficient.is_negative()) {
      problems.push_back({fmt::format("annual.bands[{}].coefficient", i),
                          fmt::format("annual.bands {}: coefficient is negative", i + 1)});
    }
  }
  for (std::size_t i = 0; i < a.flat_fees.size(); ++i) {
    const Money amount = a.flat_fees[i].amount;
    const std::string path = fmt::format("annual.flat_fees[{}].amount", i);
    if (amount.is_negative()) {
      problems.push_back({path, fmt::format("annual.flat_fees {}: amount is negative", i + 1)});
    } else if (!whole_cents(amount)) {
      problems.push_back({path, fmt::format("annual.flat_fees {}: amount {} is not in whole cents",
                                            i + 1, amount.to_string())});
    }
  }
  if (!valid_month_day(a.due))
    problems.push_back({"annual.due", "annual.due is not a day of the year"});
}

void check_services(const std::vector<Service>& services, std::vector<TariffProblem>& problems) {
  for (std::size_t i = 0; i < services.size(); ++i) {
    const Service& s = services[i];
    const std::string path = fmt::format("services[{}]", i);
    for (std::size_t j = 0; j < i; ++j) {
      if (services[j].key == s.key) {
        problems.push_back({path + ".key", fmt::format("service \"{}\" is defined twice", s.key)});
      }
    }
    if (s.key.empty())
      problems.push_back({path + ".key", fmt::format("services {}: key is empty", i + 1)});
    if (s.unit_price && s.unit_price->is_negative()) {
      problems.push_back(
          {path + ".unit_price", fmt::format("service \"{}\": unit_price is negative", s.key)});
    }
    check_steps(s.allowance.by_population, path + ".allowance.by_population", "units", problems);
  }
}

}  // namespace

std::vector<TariffProblem> validate(const Tariff& t) {
  std::vector<TariffProblem> problems;
  if (t.first_year < 1900 || t.first_year > 9999)
    problems.push_back({"first_year", "first_year is not a year"});
  if (t.convention_start > t.first_year) {
    problems.push_back({"convention_start", "convention_start is after first_year"});
  }
  check_annual(t.annual, problems);
  if (!valid_month_day(t.semester.h1_due)) {
    problems.push_back({"semester.h1_due", "semester.h1_due is not a day of the year"});
  }
  if (!valid_month_day(t.semester.h2_due)) {
    problems.push_back({"semester.h2_due", "semester.h2_due is not a day of the year"});
  }
  check_services(t.services, problems);
  return problems;
}

Date annual_due_date(const Tariff& tariff, int year) {
  return {year, tariff.annual.due.month, tariff.annual.due.day};
}

Date semester_due_date(const Tariff& tariff, const Period& period) {
  if (period.half == Half::H1) {
    return {period.year, tariff.semester.h1_due.month, tariff.semester.h1_due.day};
  }
  return {period.year + 1, tariff.semester.h2_due.month, tariff.semester.h2_due.day};
}

}  // namespace citfee
