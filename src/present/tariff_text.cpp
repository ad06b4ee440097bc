#include "present/tariff_text.hpp"

#include "present/scope_words.hpp"

#include <fmt/format.h>

namespace citfee {

namespace {

std::string day_month(MonthDay md) {
  return fmt::format("{:02}/{:02}", md.day, md.month);
}

std::string population_range(const std::vector<PopulationAllowance>& steps, std::size_t i) {
  std::int64_t from = i == 0 ? 0 : *steps[i - 1].up_to + 1;
  if (!steps[i].up_to)
    return from == 0 ? std::string("of any size") : fmt::format("over {}", from - 1);
  return fmt::format("{}-{}", from, *steps[i].up_to);
}

std::string type_list(const std::vector<EntityType>& types) {
  std::string out;
  for (EntityType t : types) {
    if (!out.empty()) out += ", ";
    out += type_key(t);
  }
  return out;
}

}  // namespace

std::string describe_allowance(const Allowance& a) {
  std::vector<std::string> parts;
  for (const auto& [type, units] : a.by_type)
    parts.push_back(fmt::format("{} for {}", units, type_key(type)));
  for (std::size_t i = 0; i < a.by_population.size(); ++i) {
    parts.push_back(fmt::format("{} for Comuni {}", a.by_population[i].units,
                                population_range(a.by_population, i)));
  }
  if (a.otherwise) parts.push_back(fmt::format("{} for any other entity", *a.otherwise));
  if (parts.empty()) return std::to_string(a.fixed);
  return fmt::format("{}", fmt::join(parts, "; "));
}

std::string describe_tariff(const Tariff& t) {
  std::string out;
  out += fmt::format("Tariff {}: {}\n", t.id, t.title);
  out += fmt::format("In force from {}; convention began {}; read from {}\n\n", t.first_year,
                     t.convention_start, t.source);
  const AnnualRules& a = t.annual;
  out += fmt::format("Annual fee (quota annuale), due {} of the year billed\n", day_month(a.due));
  out += fmt::format("  method: {} ({})\n", method_key(a.method),
                     a.method == Method::kFlat
                         ? "the whole population at the coefficient of its band"
                         : "each slice of the population at its own coefficient");
  out += fmt::format("  rounding: to the {}, halves away from zero\n",
                     a.rounding_unit == Money::from_euros(1) ? "euro" : "cent");
  out += "  band (residents)    coefficient (EUR per resident)\n";
  for (std::size_t i = 0; i < a.bands.size(); ++i) {
    out +=
        fmt::format("  {:<18}  {}\n", band_label(a.bands, i), a.bands[i].coefficient.to_string(2));
  }
  for (const FlatFee& f : a.flat_fees) {
    out += fmt::format("  {}: {} EUR for {}", f.label, f.amount.to_fixed(2), type_list(f.types));
    if (f.min_population) out += fmt::format(" from {} residents", *f.min_population);
    out += '\n';
  }
  out += fmt::format(
      "\nVariable fees (quote variabili), per semester; H1 due {} of the same year, "
      "H2 due {} of the next\n",
      day_month(t.semester.h1_due), day_month(t.semester.h2_due));
  for (const Service& s : t.services) {
    out += fmt::format("  {}: {}\n", s.key, s.label);
    out += fmt::format("    price per {}: {}\n", s.unit,
                       s.unit_price ? s.unit_price->to_string(2) + " EUR"
                                    : std::string("set per event, given with the usage"));
    if (s.scope == AllowanceScope::kNone) {
      out += "    free units: none\n";
    } else {
      out += fmt::format("    free units: {} ({})\n", describe_allowance(s.allowance),
                         scope_words(s.scope).each);
    }
    if (!s.note.empty()) out += fmt::format("    note: {}\n", s.note);
  }
  return out;
}

}  // namespace citfee
