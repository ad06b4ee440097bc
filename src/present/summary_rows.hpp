// The tables of `citfee summary`: the year at a glance, one report per table,
// each with the chart a workbook draws beside it.
#pragma once

#include <string>
#include <vector>

#include "core/summary.hpp"
#include "core/tariff.hpp"
#include "present/report.hpp"

namespace citfee {

// What the fees are compared with (--compare-tariff, --compare-method), for
// the titles: "tariff cit-2028", "method marginal". Empty: no comparison.
struct SummaryContext {
  int year = 0;
  const Tariff* tariff = nullptr;
  Method method = Method::kFlat;
  std::string compared;
};

// band,bodies,residents,annual_fee[,compare_fee,difference]; the flat fees as band "flat".
Report summary_band_report(const AnnualSummary& summary, const SummaryContext& context);
// type,bodies,residents,annual_fee[,compare_fee,difference]
Report summary_type_report(const AnnualSummary& summary, const SummaryContext& context);
// period,service,quantity,free,billable,amount
Report summary_service_report(const std::vector<ServiceTotals>& rows,
                              const SummaryContext& context);
// rank,id,name,amount
Report summary_top_report(const std::vector<EntityTotal>& top, const SummaryContext& context);

}  // namespace citfee
