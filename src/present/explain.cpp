#include <fmt/format.h>

#include "present/explain.hpp"

#include "present/scope_words.hpp"

namespace citfee {

namespace {

std::string eur(Money m) {
  return m.to_fixed(2) + " EUR";
}

// 7114 -> "7,114", as the residents are written for people.
std::string grouped(std::int64_t n) {
  std::string digits = std::to_string(n);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) {
    digits.insert(static_cast<std::size_t>(i), ",");
  }
  return digits;
}

// "7,114 residents at 31 December 2025 (ISTAT, POSAS 1 January 2026)"; an
// undated figure says so and names no year.
std::string residents(const PopulationFigure& f) {
  const std::string when = f.year ? fmt::format(" {}", *f.year) : "";
  return fmt::format("{} residents at 31 December{} ({})", grouped(f.residents), when,
                     population_origin(f));
}

std::string entity_line(const Entity& e) {
  std::string out = fmt::format("{} (id {}), {}", e.name, e.id, type_key(e.type));
  if (e.population_used) {
    out += ", " + residents(*e.population_used);
  } else if (e.population) {
    out += fmt::format(", {} residents at 31 December", grouped(*e.population));
  }
  return out + "\n";
}

std::string half_months(Period p) {
  return p.half == Half::H1 ? fmt::format("January-June {}", p.year)
                            : fmt::format("July-December {}", p.year);
}

std::string explain_marginal(const AnnualFee& fee, const Tariff& tariff) {
  std::string out;
  const auto& bands = tariff.annual.bands;
  const std::int64_t population = *fee.entity->population;
  std::int64_t below = 0;
  for (std::size_t i = 0; i <= *fee.band; ++i) {
    std::int64_t top = bands[i].up_to ? std::min(*bands[i].up_to, population) : population;
    Money part = bands[i].coefficient.times(top - below);
    out += fmt::format("  residents {} to {}: {} x {} = {}\n", below + 1, top, top - below,
                       bands[i].coefficient.to_string(2), part.to_string(2));
    below = top;
  }
  out += fmt::format("  sum: {} EUR\n", fee.computed.to_string(2));
  return out;
}

}  // namespace

std::string explain_annual(const AnnualFee& fee, const Tariff& tariff) {
  const Entity& e = *fee.entity;
  std::string out = entity_line(e);
  out += fmt::format("Annual fee {} under tariff {} ({}), method {}\n", fee.year, tariff.id,
                     tariff.title, method_key(fee.method));
  if (fee.flat) {
    out += fmt::format("  {}: a fixed {} for {}\n", fee.flat->label, eur(fee.flat->amount),
                       type_key(e.type));
    if (fee.flat->min_population) {
      out += fmt::format("  (applies from {} residents)\n", *fee.flat->min_population);
    }
  } else {
    const Band& band = tariff.annual.bands[*fee.band];
    out += fmt::format("  band {}: coefficient {} EUR per resident\n",
                       band_label(tariff.annual.bands, *fee.band), band.coefficient.to_string(2));
    if (auto before = band_change(fee, tariff)) {
      out += fmt::format(
          "  band changed: a year before, {} put it in band {}\n", residents(*before),
          band_label(tariff.annual.bands, band_index(tariff.annual.bands, before->residents)));
    }
    if (fee.method == Method::kFlat) {
      out += fmt::format("  {} x {} = {} EUR\n", *e.population, band.coefficient.to_string(2),
                         fee.computed.to_string(2));
    } else {
      out += explain_marginal(fee, tariff);
    }
    out += fmt::format("  rounded to the {}, halves away from zero: {}\n",
                       tariff.annual.rounding_unit == Money::from_euros(1) ? "euro" : "cent",
                       eur(fee.fee));
  }
  out += fmt::format("Annual fee: {}, due by {}\n", eur(fee.fee), fee.due.iso());
  return out;
}

namespace {

std::string explain_allowance(const ServiceCharge& c, const Entity& e, Period period) {
  const Service& s = *c.service;
  const AllowanceUse& a = c.allowance;
  if (s.scope == AllowanceScope::kNone) return "  no free units\n";
  std::string out = fmt::format("  free units: {} {} ({})\n", a.allowance, scope_words(s.scope).per,
                                allowance_basis(s.allowance, e));
  if (a.earlier.empty()) {
    out += fmt::format("  used before {} in the same {}: none\n", period.str(),
                       scope_words(s.scope).span);
  } else {
    std::vector<std::string> parts;
    for (const PeriodUse& u : a.earlier)
      parts.push_back(fmt::format("{}: {}", u.period.str(), u.quantity));
    out += fmt::format("  used before {} in the same {}: {} (total {})\n", period.str(),
                       scope_words(s.scope).span, fmt::join(parts, ", "), a.used_before);
  }
  out += fmt::format("  free units left at the start of {}: {}\n", period.str(), a.left);
  return out;
}

}  // namespace

std::string explain_semester(const SemesterBill& bill, const Tariff& tariff) {
  const Entity& e = *bill.entity;
  std::string out = entity_line(e);
  out += fmt::format("Semester {} ({}) under tariff {} ({})\n", bill.period.str(),
                     half_months(bill.period), tariff.id, tariff.title);
  for (const Service& s : tariff.services) {
    bool used = false;
    for (const ServiceCharge& c : bill.lines) {
      if (c.service != &s) continue;
      if (!used) {
        out += fmt::format("{}: {}\n", s.key, s.label);
        out += explain_allowance(c, e, bill.period);
      }
      out += fmt::format("  used in {}: {}; free {}; billable {}\n", bill.period.str(), c.quantity,
                         c.free, c.billable);
      out += fmt::format("  amount: {} x {} = {}\n", c.billable, c.unit_price.to_string(2),
                         eur(c.amount));
      used = true;
    }
    if (!used) out += fmt::format("{}: not used in {}\n", s.key, bill.period.str());
  }
  out += fmt::format("Total for {}: {}, due by {}\n", bill.period.str(), eur(bill.total),
                     bill.due.iso());
  return out;
}

std::string explain_settlements(Period period, const std::vector<Settlement>& settled,
                                const IssuedBill* issued) {
  std::string out;
  if (settled.empty())
    out += fmt::format("No semester before {} is issued in the books\n", period.str());
  for (const Settlement& s : settled) {
    out += fmt::format("{}: billed so far {}, recomputed from today's usage {}, difference {}{}\n",
                       s.period.str(), eur(s.billed_before), eur(s.correct), eur(s.difference()),
                       s.difference().is_zero() ? "" : " (conguaglio)");
  }
  if (issued) {
    out += fmt::format("{} is issued: {} of {}, {}, due by {}\n", period.str(), issued->number,
                       issued->date.iso(), eur(issued->total), issued->due.iso());
  } else {
    out += fmt::format("{} is not issued yet: its bill would settle the differences above\n",
                       period.str());
  }
  return out;
}

}  // namespace citfee
