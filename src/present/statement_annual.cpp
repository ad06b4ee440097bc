// The statement of the annual fee (quota annuale di adesione).
#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "present/italian.hpp"
#include "present/statement_annual.hpp"

namespace citfee {

namespace {

// "fino a 5.000 abitanti", "da 5.001 a 10.000 abitanti", "oltre 15.000 abitanti".
std::string band_words(const std::vector<Band>& bands, std::size_t index) {
  const std::int64_t from = index == 0 ? 0 : *bands[index - 1].up_to + 1;
  if (!bands[index].up_to) return fmt::format("oltre {} abitanti", italian_integer(from - 1));
  if (index == 0) return fmt::format("fino a {} abitanti", italian_integer(*bands[index].up_to));
  return fmt::format("da {} a {} abitanti", italian_integer(from),
                     italian_integer(*bands[index].up_to));
}

std::string per_resident(Money coefficient) {
  return italian_decimal(coefficient) + " € per abitante";
}

std::string product(std::int64_t residents, Money coefficient) {
  return fmt::format("{} × {} €", italian_integer(residents), italian_decimal(coefficient));
}

std::string rounding_words(Money unit) {
  if (unit == Money::from_euros(1)) return "Arrotondamento all'euro";
  if (unit == Money::from_cents(1)) return "Arrotondamento al centesimo";
  return fmt::format("Arrotondamento a {}", italian_amount(unit));
}

using Rows = std::vector<DetailRow>;

void add_flat_rows(const AnnualFee& fee, Rows& rows) {
  rows.push_back({{"Tipo di ente", std::string(type_label(fee.entity->type)), ""}});
  rows.push_back({{fee.flat->label.empty() ? "Quota fissa" : fee.flat->label, "Allegato A",
                   italian_amount(fee.flat->amount)}});
}

void add_band_rows(const AnnualFee& fee, const Tariff& tariff, Rows& rows) {
  const auto& bands = tariff.annual.bands;
  const std::int64_t population = *fee.entity->population;
  const std::size_t band = *fee.band;
  if (fee.method == Method::kFlat) {
    rows.push_back({{"Fascia di popolazione", band_words(bands, band), ""}});
    rows.push_back({{"Coefficiente della fascia", per_resident(bands[band].coefficient), ""}});
    rows.push_back({{"Importo calcolato", product(population, bands[band].coefficient),
                     italian_amount(fee.computed)}});
    return;
  }
  // Marginal: each slice of the population at its own band's coefficient.
  std::int64_t below = 0;
  Money sum;
  for (std::size_t i = 0; i <= band; ++i) {
    const std::int64_t top = bands[i].up_to ? std::min(*bands[i].up_to, population) : population;
    const Money part = bands[i].coefficient.times(top - below);
    rows.push_back({{"Fascia " + band_words(bands, i), product(top - below, bands[i].coefficient),
                     italian_amount(part)}});
    sum += part;
    below = top;
  }
  if (sum != fee.computed)
    throw std::logic_error("annual statement: band slices do not add up to the fee");
  rows.push_back({{"Importo calcolato", "somma delle fasce", italian_amount(fee.computed)}});
}

// " al 31 dicembre 2026": the date of the figure counted; nothing for an
// undated one, which the letter never dates.
std::string population_date(const Entity& e) {
  if (!e.population_used || !e.population_used->year) return "";
  return fmt::format(" al 31 dicembre {}", *e.population_used->year);
}

std::vector<std::string> opening(const AnnualFee& fee) {
  std::vector<std::string> out;
  out.push_back(
      fmt::format("Come previsto dalla Convenzione per la gestione del Centro Innovazione e "
                  "Tecnologie e dalle Schede Tecnico-Economiche (Allegato A), si comunica la "
                  "quota annuale di adesione al CIT dovuta da codesto Ente per l'anno {}.",
                  fee.year));
  if (fee.flat) {
    out.push_back(fmt::format("Per gli enti di tipo «{}» l'Allegato A prevede una quota fissa.",
                              type_label(fee.entity->type)));
  } else if (fee.method == Method::kFlat) {
    out.push_back(
        fmt::format("La quota è calcolata moltiplicando la popolazione residente{} per "
                    "il coefficiente della fascia di popolazione in cui l'Ente si colloca.",
                    population_date(*fee.entity)));
  } else {
    out.push_back(fmt::format(
        "La quota è calcolata applicando a ciascuna fascia della popolazione residente{} "
        "il coefficiente della fascia stessa.",
        population_date(*fee.entity)));
  }
  return out;
}

}  // namespace

Statement annual_statement(const AnnualFee& fee, const Tariff& tariff,
                           const StatementSettings& settings) {
  const Entity& entity = *fee.entity;
  Statement s = statement_parts::base(entity, settings);
  s.file_stem = fmt::format("{}-{}", entity.id, fee.year);
  s.reference = annual_reference(fee.year, entity.id);
  s.subject = fmt::format("Quota annuale di adesione al CIT – anno {}", fee.year);
  s.opening = opening(fee);
  s.columns = {
      {"Voce", Align::kLeft, 44}, {"Dettaglio", Align::kLeft, 34}, {"Importo", Align::kRight, 22}};
  if (entity.population) {
    const bool dated = entity.population_used && entity.population_used->year;
    s.rows.push_back({{dated ? "Popolazione residente" + population_date(entity)
                             : std::string("Popolazione residente (dato senza anno)"),
                       fmt::format("{} abitanti", italian_integer(*entity.population)), ""}});
  }
  if (fee.flat) {
    add_flat_rows(fee, s.rows);
  } else {
    add_band_rows(fee, tariff, s.rows);
    s.rows.push_back({{rounding_words(tariff.annual.rounding_unit), "",
                       italian_signed_amount(fee.fee - fee.computed)}});
  }
  s.rows.push_back(
      {{fmt::format("Quota annuale {}", fee.year), "", italian_amount(fee.fee)}, true});
  s.notes.push_back(fmt::format("Tariffa applicata: {} ({}).", tariff.title, tariff.id));
  s.total_label = fmt::format("Quota annuale {} dovuta", fee.year);
  s.total = fee.fee;
  s.due = fee.due;
  s.payment_reason = statement_parts::payment_reason(
      fmt::format("{} quota annuale CIT {}", s.reference, fee.year));
  return s;
}

}  // namespace citfee
