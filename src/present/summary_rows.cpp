#include "present/summary_rows.hpp"

#include "present/labels.hpp"

#include <fmt/format.h>

namespace citfee {

namespace {

Report base(const SummaryContext& c, const std::string& table, const std::string& title,
            const std::string& title_it) {
  Report r;
  r.command = "summary";
  r.about = {{"table", Cell::of_text(table)},
             {"year", Cell::of_integer(c.year)},
             {"tariff", Cell::of_text(c.tariff->id)},
             {"method", Cell::of_text(std::string(method_key(c.method)))}};
  r.title = fmt::format("{} {} (tariff {})", title, c.year, c.tariff->id);
  r.title_it = fmt::format("{} {} (tariffa {})", title_it, c.year, c.tariff->id);
  if (!c.compared.empty()) {
    r.about.push_back({"compared_with", Cell::of_text(c.compared)});
    r.title += fmt::format(", compared with {}", c.compared);
    r.title_it += fmt::format(", a confronto con {}", c.compared);
  }
  return r;
}

std::vector<Cell> totals_cells(std::string label, const FeeTotals& t, bool compared) {
  std::vector<Cell> row{Cell::of_text(std::move(label)), Cell::of_integer(t.bodies),
                        Cell::of_integer(t.residents), Cell::of_amount(t.total)};
  if (compared) {
    row.push_back(Cell::of_amount(t.compare_total));
    row.push_back(Cell::of_amount(t.compare_total - t.total));
  }
  return row;
}

// The columns and totals shared by the tables by band and by type.
void fee_columns(Report& r, const std::string& first, bool compared) {
  r.columns = {first, "bodies", "residents", "annual_fee"};
  r.total_column = 3;
  if (compared) {
    r.columns.push_back("compare_fee");
    r.columns.push_back("difference");
    r.more_totals = {4, 5};
  }
}

Chart fee_chart(ChartKind kind, std::string title, std::string title_it, bool compared) {
  Chart chart{kind, std::move(title), std::move(title_it), 0, {3}, -1};
  if (compared) chart.value_columns.push_back(4);
  return chart;
}

}  // namespace

Report summary_band_report(const AnnualSummary& s, const SummaryContext& c) {
  const bool compared = !c.compared.empty();
  Report r = base(c, "by_band", "Annual fees by band", "Quote annuali per fascia");
  r.sheet = "Per fascia";
  fee_columns(r, "band", compared);
  for (std::size_t i = 0; i < s.by_band.size(); ++i) {
    r.rows.push_back(totals_cells(band_label(c.tariff->annual.bands, i), s.by_band[i], compared));
  }
  if (s.flat.bodies > 0) r.rows.push_back(totals_cells("flat", s.flat, compared));
  r.charts.push_back(
      fee_chart(ChartKind::kColumn, "Annual fees by band", "Quote annuali per fascia", compared));
  return r;
}

Report summary_type_report(const AnnualSummary& s, const SummaryContext& c) {
  const bool compared = !c.compared.empty();
  Report r = base(c, "by_type", "Annual fees by type", "Quote annuali per tipo di ente");
  r.sheet = "Per tipo";
  fee_columns(r, "type", compared);
  for (const auto& [type, totals] : s.by_type) {
    r.rows.push_back(totals_cells(std::string(type_key(type)), totals, compared));
  }
  if (compared) {
    r.charts.push_back(fee_chart(ChartKind::kColumn, "Annual fees by type",
                                 "Quote annuali per tipo di ente", compared));
  }
  return r;
}

Report summary_service_report(const std::vector<ServiceTotals>& rows, const SummaryContext& c) {
  Report r = base(c, "by_service", "Variable fees by service and semester",
                  "Quote variabili per servizio e semestre");
  r.sheet = "Per servizio";
  r.service_labels = service_labels(*c.tariff);
  r.columns = {"period", "service", "quantity", "free", "billable", "amount"};
  r.total_column = 5;
  r.group_column = 0;
  for (const ServiceTotals& t : rows) {
    r.rows.push_back({Cell::of_text(t.period.str()), Cell::of_text(t.service->key),
                      Cell::of_integer(t.quantity), Cell::of_integer(t.free),
                      Cell::of_integer(t.billable), Cell::of_amount(t.amount)});
  }
  r.charts.push_back({ChartKind::kStackedColumn,
                      "Variable fees by service and semester",
                      "Quote variabili per servizio e semestre",
                      1,
                      {5},
                      0});
  return r;
}

Report summary_top_report(const std::vector<EntityTotal>& top, const SummaryContext& c) {
  Report r = base(c, "top", "Bodies by variable fees", "Enti per quote variabili");
  r.sheet = "Enti principali";
  r.columns = {"rank", "id", "name", "amount"};
  r.total_column = 3;
  for (std::size_t i = 0; i < top.size(); ++i) {
    r.rows.push_back({Cell::of_integer(static_cast<std::int64_t>(i + 1)),
                      Cell::of_text(top[i].entity->id), Cell::of_text(top[i].entity->name),
                      Cell::of_amount(top[i].amount)});
  }
  r.charts.push_back(
      {ChartKind::kBar, "Bodies by variable fees", "Enti per quote variabili", 2, {3}, -1});
  return r;
}

}  // namespace citfee
