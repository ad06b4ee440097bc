#include "present/semester_rows.hpp"

#include "present/labels.hpp"

#include <fmt/format.h>

namespace citfee {

namespace {

Report semester_base(const Tariff& tariff, Period period) {
  Report report;
  report.command = "semester";
  report.title = fmt::format("Variable fees {} (tariff {}), due {}", period.str(), tariff.id,
                             semester_due_date(tariff, period).iso());
  report.title_it = fmt::format("Quote variabili {} (tariffa {}), scadenza {}", period.str(),
                                tariff.id, semester_due_date(tariff, period).iso());
  report.about = {{"period", Cell::of_text(period.str())}, {"tariff", Cell::of_text(tariff.id)}};
  report.service_labels = service_labels(tariff);
  return report;
}

}  // namespace

Report semester_lines_report(const std::vector<SemesterBill>& bills, const Tariff& tariff,
                             Period period) {
  Report report = semester_base(tariff, period);
  report.about.push_back({"by", Cell::of_text("line")});
  report.sheet = "Quote variabili";
  report.columns = {"id",   "name",     "period",     "service", "quantity",
                    "free", "billable", "unit_price", "amount",  "due_date"};
  report.total_column = 8;
  report.group_column = 0;
  for (const SemesterBill& bill : bills) {
    for (const ServiceCharge& c : bill.lines) {
      report.rows.push_back(
          {Cell::of_text(bill.entity->id), Cell::of_text(bill.entity->name),
           Cell::of_text(period.str()), Cell::of_text(c.service->key), Cell::of_integer(c.quantity),
           Cell::of_integer(c.free), Cell::of_integer(c.billable), Cell::of_decimal(c.unit_price),
           Cell::of_amount(c.amount), Cell::of_date(bill.due), Cell::of_text(c.description)});
    }
    // A conguaglio bills the period it settles, with this bill's due date.
    for (const Settlement& st : bill.settlements) {
      report.rows.push_back({Cell::of_text(bill.entity->id), Cell::of_text(bill.entity->name),
                             Cell::of_text(st.period.str()), Cell::of_text("conguaglio"),
                             Cell::empty(), Cell::empty(), Cell::empty(), Cell::empty(),
                             Cell::of_amount(st.difference()), Cell::of_date(bill.due),
                             Cell::of_text("")});
    }
  }
  keep_last_cells_if_used(report, "description");
  return report;
}

Report semester_entities_report(const std::vector<SemesterBill>& bills, const Tariff& tariff,
                                Period period) {
  Report report = semester_base(tariff, period);
  report.about.push_back({"by", Cell::of_text("entity")});
  report.sheet = "Totali per ente";
  report.columns = {"id", "name", "period", "amount", "due_date"};
  report.total_column = 3;
  for (const SemesterBill& bill : bills) {
    report.rows.push_back({Cell::of_text(bill.entity->id), Cell::of_text(bill.entity->name),
                           Cell::of_text(period.str()), Cell::of_amount(bill.total),
                           Cell::of_date(bill.due)});
  }
  return report;
}

}  // namespace citfee
