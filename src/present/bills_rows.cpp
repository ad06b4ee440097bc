#include "present/bills_rows.hpp"

#include "present/terms.hpp"

#include <string>

namespace citfee {

Report bills_report(const std::vector<IssuedBill>& bills) {
  Report report;
  report.command = "bills";
  report.title = "Issued bills";
  report.title_it = "Documenti emessi";
  report.sheet = "Documenti emessi";
  report.columns = {"number", "reference", "kind",     "period", "id",
                    "name",   "date",      "due_date", "amount", "status"};
  report.total_column = 8;
  for (const IssuedBill& b : bills) {
    report.rows.push_back(
        {Cell::of_text(b.number), Cell::of_text(b.reference),
         Cell::of_text(std::string(kind_name(b.kind))), Cell::of_text(b.period),
         Cell::of_text(b.entity_id), Cell::of_text(b.name), Cell::of_date(b.date),
         Cell::of_date(b.due), Cell::of_amount(b.total),
         Cell::of_term(term_of(b.is_credit() ? BillState::kCredit : BillState::kIssued))});
  }
  return report;
}

}  // namespace citfee
