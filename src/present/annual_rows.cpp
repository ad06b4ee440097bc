#include "present/annual_rows.hpp"

#include <fmt/format.h>

namespace citfee {

namespace {

void add_comparison(Report& report, const AnnualComparison& comparison) {
  report.about.push_back({"compared_with", Cell::of_text(comparison.what)});
  report.title += fmt::format(", compared with {}", comparison.what);
  report.title_it += fmt::format(", a confronto con {}", comparison.what);
  report.columns.push_back("compare_fee");
  report.columns.push_back("difference");
  report.more_totals = {9, 10};
  for (std::size_t i = 0; i < report.rows.size(); ++i) {
    const Money current = report.rows[i][7].money;
    const Money other = comparison.fees.at(i).fee;
    report.rows[i].push_back(Cell::of_amount(other));
    report.rows[i].push_back(Cell::of_amount(other - current));
  }
}

}  // namespace

Report annual_report(const std::vector<AnnualFee>& fees, const Tariff& tariff, int year,
                     Method method, const AnnualComparison* comparison) {
  Report report;
  report.command = "annual";
  report.title =
      fmt::format("Annual fees {} (tariff {}, method {})", year, tariff.id, method_key(method));
  report.title_it =
      fmt::format("Quote annuali {} (tariffa {}, metodo {})", year, tariff.id, method_key(method));
  report.sheet = "Quote annuali";
  report.about = {{"year", Cell::of_integer(year)},
                  {"tariff", Cell::of_text(tariff.id)},
                  {"method", Cell::of_text(std::string(method_key(method)))}};
  report.columns = {"id",          "name",     "type",       "population", "band",
                    "coefficient", "computed", "annual_fee", "due_date"};
  report.total_column = 7;
  report.rows.reserve(fees.size());
  for (const AnnualFee& fee : fees) {
    const Entity& e = *fee.entity;
    std::vector<Cell> row;
    row.reserve(report.columns.size());
    row.push_back(Cell::of_text(e.id));
    row.push_back(Cell::of_text(e.name));
    row.push_back(Cell::of_text(std::string(type_key(e.type))));
    row.push_back(e.population ? Cell::of_integer(*e.population) : Cell::empty());
    if (fee.band) {
      row.push_back(Cell::of_text(band_label(tariff.annual.bands, *fee.band)));
      row.push_back(Cell::of_decimal(tariff.annual.bands[*fee.band].coefficient));
    } else {
      row.push_back(Cell::empty());
      row.push_back(Cell::empty());
    }
    row.push_back(Cell::of_decimal(fee.computed));
    row.push_back(Cell::of_amount(fee.fee));
    row.push_back(Cell::of_date(fee.due));
    report.rows.push_back(std::move(row));
  }
  if (comparison) add_comparison(report, *comparison);
  return report;
}

}  // namespace citfee
