#include "present/bill_marks.hpp"

#include "present/terms.hpp"

namespace citfee {

Report with_bill_marks(Report report, const std::map<std::string, BillMark>& marks) {
  report.columns.push_back("number");
  report.columns.push_back("status");
  for (auto& row : report.rows) {
    const auto it = row.empty() ? marks.end() : marks.find(row[0].text);
    if (it == marks.end()) {
      row.push_back(Cell::empty());
      row.push_back(Cell::empty());
      continue;
    }
    row.push_back(it->second.number.empty() ? Cell::empty() : Cell::of_text(it->second.number));
    row.push_back(Cell::of_term(term_of(it->second.state)));
  }
  return report;
}

}  // namespace citfee
