#include "present/annual_rows.hpp"

#include <fmt/format.h>

#include "core/fee_change.hpp"
#include "present/labels.hpp"

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

std::string why(const FeeChange& change) {
  std::vector<std::string> words;
  if (change.band) words.emplace_back("band");
  if (change.population) words.emplace_back("population");
  if (change.tariff) words.emplace_back("tariff");
  return fmt::format("{}", fmt::join(words, ", "));
}

void add_compared_fee(std::vector<Cell>& row, const AnnualFee& fee, const Tariff& tariff,
                      const AnnualFee& other, const Tariff& other_tariff) {
  const Entity& e = *other.entity;
  row.push_back(e.population ? Cell::of_integer(*e.population) : Cell::empty());
  row.push_back(other.band ? Cell::of_text(band_label(other_tariff.annual.bands, *other.band))
                           : Cell::empty());
  row.push_back(Cell::of_amount(other.fee));
  row.push_back(Cell::of_amount(other.fee - fee.fee));
  row.push_back(Cell::of_text(why(fee_change(other, other_tariff, fee, tariff))));
}

void add_year_comparison(Report& report, const std::vector<AnnualFee>& fees, const Tariff& tariff,
                         const YearComparison& by_year) {
  const std::string what = fmt::format("{}", by_year.year);
  report.about.push_back({"compared_with_year", Cell::of_integer(by_year.year)});
  report.title += fmt::format(", compared with {}", what);
  report.title_it += fmt::format(", a confronto con il {}", what);
  for (const char* column :
       {"compare_population", "compare_band", "compare_fee", "difference", "why"})
    report.columns.emplace_back(column);
  report.more_totals = {11, 12};
  for (std::size_t i = 0; i < report.rows.size(); ++i) {
    std::vector<Cell>& row = report.rows[i];
    const std::optional<AnnualFee>& other = by_year.fees.at(i);
    if (other) {
      add_compared_fee(row, fees[i], tariff, *other, *by_year.tariff);
      continue;
    }
    for (int k = 0; k < 4; ++k) row.push_back(Cell::empty());
    row.push_back(Cell::of_text(fmt::format("not billed in {}", by_year.year)));
  }
}

}  // namespace

Report annual_report(const std::vector<AnnualFee>& fees, const Tariff& tariff, int year,
                     Method method, const AnnualComparison* comparison,
                     const YearComparison* by_year) {
  Report report;
  report.command = "annual";
  report.title =
      fmt::format("Annual fees {} (tariff {}, method {})", year, tariff.id, method_key(method));
  report.title_it =
      fmt::format("Quote annuali {} (tariffa {}, {})", year, tariff.id, italian_method(method));
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
  if (by_year) add_year_comparison(report, fees, tariff, *by_year);
  return report;
}

}  // namespace citfee
