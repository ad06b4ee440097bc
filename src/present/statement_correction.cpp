#include "present/statement_correction.hpp"

#include <fmt/format.h>

#include "present/italian.hpp"

namespace citfee {

namespace {

std::string revision(const std::string& reference) {
  const auto at = reference.rfind("-R");
  return at == std::string::npos ? "R" : reference.substr(at + 1);
}

std::vector<DetailRow> correction_rows(const IssuedBill& correction, const IssuedBill& first) {
  const BillLine& line = correction.lines.at(0);
  const int year = correction.year();
  std::vector<DetailRow> rows;
  rows.push_back({{fmt::format("Quota annuale {} già comunicata", year),
                   fmt::format("documento {}", first.number),
                   italian_amount(line.billed_before.value_or(Money()))}});
  if (line.population) {
    const std::string when =
        line.population_year ? fmt::format(" al 31 dicembre {}", *line.population_year) : "";
    rows.push_back({{"Popolazione residente" + when,
                     fmt::format("{} abitanti", italian_integer(*line.population)), ""}});
  }
  rows.push_back({{fmt::format("Quota annuale {} rideterminata", year), "",
                   italian_amount(line.correct.value_or(Money()))}});
  rows.push_back({{"Rettifica", "", italian_signed_amount(correction.total)}, true});
  return rows;
}

}  // namespace

Statement correction_statement(const IssuedBill& correction, const IssuedBill& first,
                               const Entity& entity, const Tariff& tariff,
                               const StatementSettings& settings) {
  const int year = correction.year();
  Statement s = statement_parts::base(entity, settings);
  s.file_stem = fmt::format("{}-{}-{}", entity.id, year, revision(correction.reference));
  s.reference = correction.reference;
  s.number = correction.number;
  s.date = correction.date;
  s.subject = fmt::format("Rettifica della quota annuale di adesione al CIT – anno {}", year);
  s.opening.push_back(fmt::format(
      "La quota annuale di adesione al CIT dovuta da codesto Ente per l'anno {}, comunicata con "
      "il documento n. {} (riferimento {}), è rideterminata a seguito dell'aggiornamento dei "
      "dati su cui è calcolata. Il documento già emesso resta valido: la presente rettifica ne "
      "regola la differenza.",
      year, first.number, first.reference));
  s.columns = {
      {"Voce", Align::kLeft, 44}, {"Dettaglio", Align::kLeft, 34}, {"Importo", Align::kRight, 22}};
  s.rows = correction_rows(correction, first);
  s.notes.push_back(fmt::format("Tariffa applicata: {} ({}).", tariff.title, tariff.id));
  s.total_label = correction.is_credit()
                      ? fmt::format("Rettifica della quota annuale {}, a credito", year)
                      : fmt::format("Rettifica della quota annuale {} dovuta", year);
  s.total = correction.total;
  s.due = correction.due;
  s.payment_reason = statement_parts::payment_reason(
      fmt::format("{} rettifica quota annuale CIT {}", s.reference, year));
  return s;
}

}  // namespace citfee
