#include <fmt/format.h>

#include "present/explain.hpp"

#include "present/italian.hpp"
#include "present/scope_words.hpp"

namespace citfee {

namespace {

// Where a population figure comes from, in Italian (population_origin says it in English).
std::string italian_origin(const PopulationFigure& f) {
  const int year = f.year.value_or(0);
  switch (f.source) {
    case PopulationSource::kPopulationsFile:
      return fmt::format("file delle popolazioni {}", f.file.name());
    case PopulationSource::kIstatPosas:
      return fmt::format("ISTAT, POSAS 1° gennaio {}", year + 1);
    case PopulationSource::kIstatP2:
      return fmt::format("ISTAT, bilancio demografico {}", year);
    case PopulationSource::kEntitiesColumn:
      return fmt::format("file degli enti, population_{}", year);
    case PopulationSource::kEntitiesUndated:
      break;
  }
  return "file degli enti, senza anno";
}

// "7,114 residents at 31 December 2025 (ISTAT, POSAS 1 January 2026)"; an
// undated figure says so and names no year.
std::string residents(const PopulationFigure& f, const Say& say) {
  const std::string when = f.year ? fmt::format(" {}", *f.year) : "";
  return say("{} residents at 31 December{} ({})", "{} abitanti al 31 dicembre{} ({})",
             say.count(f.residents), when,
             say.italian() ? italian_origin(f) : population_origin(f));
}

std::string type_words(EntityType type, const Say& say) {
  return std::string(say.italian() ? type_label(type) : type_key(type));
}

std::string method_words(Method method, const Say& say) {
  return say.italian()
             ? std::string(method == Method::kMarginal ? "per scaglioni" : "fascia intera")
             : std::string(method_key(method));
}

std::string entity_line(const Entity& e, const Say& say) {
  std::string out =
      say("{} (id {}), {}", "{} (codice {}), {}", e.name, e.id, type_words(e.type, say));
  if (e.population_used) {
    out += ", " + residents(*e.population_used, say);
  } else if (e.population) {
    out += say(", {} residents at 31 December", ", {} abitanti al 31 dicembre",
               say.count(*e.population));
  }
  return out + "\n";
}

std::string half_months(Period p, const Say& say) {
  if (say.italian()) return italian_semester_months(p);
  return p.half == Half::H1 ? fmt::format("January-June {}", p.year)
                            : fmt::format("July-December {}", p.year);
}

std::string explain_marginal(const AnnualFee& fee, const Tariff& tariff, const Say& say) {
  std::string out;
  const auto& bands = tariff.annual.bands;
  const std::int64_t population = *fee.entity->population;
  std::int64_t below = 0;
  for (std::size_t i = 0; i <= *fee.band; ++i) {
    std::int64_t top = bands[i].up_to ? std::min(*bands[i].up_to, population) : population;
    Money part = bands[i].coefficient.times(top - below);
    out += say("  residents {} to {}: {} x {} = {}\n", "  abitanti da {} a {}: {} x {} = {}\n",
               below + 1, top, top - below, say.number(bands[i].coefficient), say.number(part));
    below = top;
  }
  out += say("  sum: {} EUR\n", "  somma: {} €\n", say.number(fee.computed));
  return out;
}

std::string explain_bands(const AnnualFee& fee, const Tariff& tariff, const Say& say) {
  const Entity& e = *fee.entity;
  const Band& band = tariff.annual.bands[*fee.band];
  std::string out = say("  band {}: coefficient {} EUR per resident\n",
                        "  fascia {}: coefficiente {} € per abitante\n",
                        band_label(tariff.annual.bands, *fee.band), say.number(band.coefficient));
  if (auto before = band_change(fee, tariff)) {
    out += say("  band changed: a year before, {} put it in band {}\n",
               "  fascia cambiata: un anno prima, {} la ponevano nella fascia {}\n",
               residents(*before, say),
               band_label(tariff.annual.bands, band_index(tariff.annual.bands, before->residents)));
  }
  if (fee.method == Method::kFlat) {
    out += say("  {} x {} = {} EUR\n", "  {} x {} = {} €\n", *e.population,
               say.number(band.coefficient), say.number(fee.computed));
  } else {
    out += explain_marginal(fee, tariff, say);
  }
  const bool euro = tariff.annual.rounding_unit == Money::from_euros(1);
  out += say("  rounded to the {}, halves away from zero: {}\n",
             "  arrotondato {}, le metà per eccesso: {}\n",
             say.italian() ? (euro ? "all'euro" : "al centesimo") : (euro ? "euro" : "cent"),
             say.amount(fee.fee));
  return out;
}

}  // namespace

std::string explain_annual(const AnnualFee& fee, const Tariff& tariff, Language language) {
  const Say say{language};
  const Entity& e = *fee.entity;
  std::string out = entity_line(e, say);
  out += say("Annual fee {} under tariff {} ({}), method {}\n",
             "Quota annuale {} secondo la tariffa {} ({}), metodo {}\n", fee.year, tariff.id,
             tariff.title, method_words(fee.method, say));
  if (fee.flat) {
    out += say("  {}: a fixed {} for {}\n", "  {}: importo fisso di {} per {}\n", fee.flat->label,
               say.amount(fee.flat->amount), type_words(e.type, say));
    if (fee.flat->min_population) {
      out += say("  (applies from {} residents)\n", "  (si applica da {} abitanti)\n",
                 *fee.flat->min_population);
    }
  } else {
    out += explain_bands(fee, tariff, say);
  }
  out += say("Annual fee: {}, due by {}\n", "Quota annuale: {}, da versare entro il {}\n",
             say.amount(fee.fee), say.date(fee.due));
  return out;
}

namespace {

std::string explain_allowance(const ServiceCharge& c, const Entity& e, Period period,
                              const Say& say) {
  const Service& s = *c.service;
  const AllowanceUse& a = c.allowance;
  if (s.scope == AllowanceScope::kNone)
    return say("  no free units\n", "  nessuna quantità gratuita\n");
  const ScopeWords words = scope_words(s.scope);
  std::string out = say.italian() ? fmt::format("  quantità gratuita: {} {}{}\n", a.allowance,
                                                words.per_it, italian_basis(s.allowance, e))
                                  : fmt::format("  free units: {} {} ({})\n", a.allowance,
                                                words.per, allowance_basis(s.allowance, e));
  if (a.earlier.empty()) {
    out += say.italian()
               ? fmt::format("  {}: nessuno\n", words.earlier_it)
               : fmt::format("  used before {} in the same {}: none\n", period.str(), words.span);
  } else {
    std::vector<std::string> parts;
    for (const PeriodUse& u : a.earlier)
      parts.push_back(fmt::format("{}: {}", u.period.str(), u.quantity));
    out += say.italian()
               ? fmt::format("  {}: {} (totale {})\n", words.earlier_it, fmt::join(parts, ", "),
                             a.used_before)
               : fmt::format("  used before {} in the same {}: {} (total {})\n", period.str(),
                             words.span, fmt::join(parts, ", "), a.used_before);
  }
  out += say("  free units left at the start of {}: {}\n", "  residuo all'inizio di {}: {}\n",
             period.str(), a.left);
  return out;
}

std::string explain_lines(const Service& s, const SemesterBill& bill, const Say& say) {
  std::string out;
  for (const ServiceCharge& c : bill.lines) {
    if (c.service != &s) continue;
    if (out.empty()) {
      out += fmt::format("{}: {}\n", s.key, s.label);
      out += explain_allowance(c, *bill.entity, bill.period, say);
    }
    if (!c.description.empty()) out += say("  event: {}\n", "  evento: {}\n", c.description);
    out += say("  used in {}: {}; free {}; billable {}\n",
               "  usate in {}: {}; gratuite {}; a pagamento {}\n", bill.period.str(), c.quantity,
               c.free, c.billable);
    out += say("  amount: {} x {} = {}\n", "  importo: {} x {} = {}\n", c.billable,
               say.number(c.unit_price), say.amount(c.amount));
  }
  if (out.empty())
    out = say("{}: not used in {}\n", "{}: non usato in {}\n", s.key, bill.period.str());
  return out;
}

}  // namespace

std::string explain_semester(const SemesterBill& bill, const Tariff& tariff, Language language) {
  const Say say{language};
  std::string out = entity_line(*bill.entity, say);
  out += say("Semester {} ({}) under tariff {} ({})\n",
             "Semestre {} ({}) secondo la tariffa {} ({})\n", bill.period.str(),
             half_months(bill.period, say), tariff.id, tariff.title);
  for (const Service& s : tariff.services) out += explain_lines(s, bill, say);
  out += say("Total for {}: {}, due by {}\n", "Totale {}: {}, da versare entro il {}\n",
             bill.period.str(), say.amount(bill.total), say.date(bill.due));
  return out;
}

std::string explain_settlements(Period period, const std::vector<Settlement>& settled,
                                const IssuedBill* issued, Language language) {
  const Say say{language};
  std::string out;
  if (settled.empty())
    out += say("No semester before {} is issued in the books\n",
               "Nessun semestre prima di {} è emesso nel registro\n", period.str());
  for (const Settlement& s : settled) {
    out += say("{}: billed so far {}, recomputed from today's usage {}, difference {}{}\n",
               "{}: fatturato finora {}, ricalcolato sui consumi di oggi {}, differenza {}{}\n",
               s.period.str(), say.amount(s.billed_before), say.amount(s.correct),
               say.amount(s.difference()), s.difference().is_zero() ? "" : " (conguaglio)");
  }
  if (issued) {
    out += say("{} is issued: {} of {}, {}, due by {}\n",
               "{} è emesso: {} del {}, {}, da versare entro il {}\n", period.str(), issued->number,
               say.date(issued->date), say.amount(issued->total), say.date(issued->due));
  } else {
    out += say("{} is not issued yet: its bill would settle the differences above\n",
               "{} non è ancora emesso: la sua fattura regolerebbe le differenze qui sopra\n",
               period.str());
  }
  return out;
}

}  // namespace citfee
