#include "present/tariff_text.hpp"

#include "present/italian.hpp"
#include "present/scope_words.hpp"

#include <fmt/format.h>

namespace citfee {

namespace {

std::string day_month(MonthDay md) {
  return fmt::format("{:02}/{:02}", md.day, md.month);
}

std::string population_range(const std::vector<PopulationAllowance>& steps, std::size_t i,
                             const Say& say) {
  std::int64_t from = i == 0 ? 0 : *steps[i - 1].up_to + 1;
  if (!steps[i].up_to) {
    if (from == 0) return say("of any size", "di ogni dimensione");
    return say("over {}", "oltre {} abitanti",
               say.italian() ? say.count(from - 1) : std::to_string(from - 1));
  }
  if (!say.italian()) return fmt::format("{}-{}", from, *steps[i].up_to);
  if (from == 0) return fmt::format("fino a {} abitanti", say.count(*steps[i].up_to));
  return fmt::format("da {} a {} abitanti", say.count(from), say.count(*steps[i].up_to));
}

std::string type_words(EntityType t, const Say& say) {
  return std::string(say.italian() ? type_label(t) : type_key(t));
}

std::string type_list(const std::vector<EntityType>& types, const Say& say) {
  std::string out;
  for (EntityType t : types) {
    if (!out.empty()) out += ", ";
    out += type_words(t, say);
  }
  return out;
}

std::string describe_annual(const AnnualRules& a, const Say& say) {
  const bool flat = a.method == Method::kFlat;
  const bool euro = a.rounding_unit == Money::from_euros(1);
  std::string out = say("Annual fee (quota annuale), due {} of the year billed\n",
                        "Quota annuale, da versare entro il {} dell'anno\n", day_month(a.due));
  out += say.italian()
             ? fmt::format("  metodo: {}\n",
                           flat ? "fascia intera (tutta la popolazione al coefficiente della sua "
                                  "fascia)"
                                : "per scaglioni (ogni scaglione della popolazione al suo "
                                  "coefficiente)")
             : fmt::format("  method: {} ({})\n", method_key(a.method),
                           flat ? "the whole population at the coefficient of its band"
                                : "each slice of the population at its own coefficient");
  out += say("  rounding: to the {}, halves away from zero\n",
             "  arrotondamento: {}, le metà per eccesso\n",
             say.italian() ? (euro ? "all'euro" : "al centesimo") : (euro ? "euro" : "cent"));
  out += say("  band (residents)    coefficient (EUR per resident)\n",
             "  fascia (abitanti)   coefficiente (€ per abitante)\n");
  for (std::size_t i = 0; i < a.bands.size(); ++i) {
    out +=
        fmt::format("  {:<18}  {}\n", band_label(a.bands, i), say.number(a.bands[i].coefficient));
  }
  for (const FlatFee& f : a.flat_fees) {
    out += say("  {}: {} EUR for {}", "  {}: {} € per {}", f.label,
               say.italian() ? italian_decimal(f.amount) : f.amount.to_fixed(2),
               type_list(f.types, say));
    if (f.min_population) out += say(" from {} residents", " da {} abitanti", *f.min_population);
    out += '\n';
  }
  return out;
}

std::string describe_service(const Service& s, const Say& say) {
  std::string out = fmt::format("  {}: {}\n", s.key, s.label);
  out += say("    price per {}: {}\n", "    prezzo per {}: {}\n", s.unit,
             s.unit_price ? say.number(*s.unit_price) + say(" EUR", " €")
                          : say("set per event, given with the usage",
                                "stabilito per ciascun evento, indicato con i consumi"));
  if (s.scope == AllowanceScope::kNone) {
    out += say("    free units: none\n", "    quantità gratuita: nessuna\n");
  } else {
    const ScopeWords words = scope_words(s.scope);
    out += say("    free units: {} ({})\n", "    quantità gratuita: {} ({})\n",
               describe_allowance(s.allowance, say.language),
               say.italian() ? words.per_it : words.each);
  }
  if (!s.note.empty()) out += say("    note: {}\n", "    nota: {}\n", s.note);
  return out;
}

}  // namespace

std::string describe_allowance(const Allowance& a, Language language) {
  const Say say{language};
  std::vector<std::string> parts;
  for (const auto& [type, units] : a.by_type)
    parts.push_back(say("{} for {}", "{} per {}", units, type_words(type, say)));
  for (std::size_t i = 0; i < a.by_population.size(); ++i) {
    parts.push_back(say("{} for Comuni {}", "{} per i Comuni {}", a.by_population[i].units,
                        population_range(a.by_population, i, say)));
  }
  if (a.otherwise)
    parts.push_back(say("{} for any other entity", "{} per ogni altro ente", *a.otherwise));
  if (parts.empty()) return std::to_string(a.fixed);
  return fmt::format("{}", fmt::join(parts, "; "));
}

std::string describe_tariff(const Tariff& t, Language language) {
  const Say say{language};
  std::string out;
  out += say("Tariff {}: {}\n", "Tariffa {}: {}\n", t.id, t.title);
  out += say("In force from {}; convention began {}; read from {}\n\n",
             "In vigore dal {}; convenzione iniziata nel {}; letta da {}\n\n", t.first_year,
             t.convention_start, t.source);
  out += describe_annual(t.annual, say);
  out +=
      say("\nVariable fees (quote variabili), per semester; H1 due {} of the same year, "
          "H2 due {} of the next\n",
          "\nQuote variabili, per semestre; il 1° semestre entro il {} dello stesso anno, "
          "il 2° entro il {} dell'anno seguente\n",
          day_month(t.semester.h1_due), day_month(t.semester.h2_due));
  for (const Service& s : t.services) out += describe_service(s, say);
  return out;
}

}  // namespace citfee
