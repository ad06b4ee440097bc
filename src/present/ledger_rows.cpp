#include "present/ledger_rows.hpp"

#include <fmt/format.h>

#include "present/labels.hpp"

namespace citfee {

Report ledger_report(const UsageLedger& ledger, const std::vector<Entity>& entities,
                     const Tariff& tariff, std::optional<Period> last) {
  Report report;
  report.command = "ledger";
  report.title = fmt::format("Usage by entity, semester and service{} (tariff {})",
                             last ? " up to " + last->str() : std::string(), tariff.id);
  if (last) report.about.push_back({"up_to", Cell::of_text(last->str())});
  report.about.push_back({"tariff", Cell::of_text(tariff.id)});
  report.service_labels = service_labels(tariff);
  report.columns = {"id", "name", "period", "service", "quantity", "unit_price"};
  const std::vector<Period> periods = ledger.periods();
  for (const Entity& e : entities) {
    for (Period p : periods) {
      for (const Service& s : tariff.services) {
        for (const UsageLedger::Line& line : ledger.lines(e.id, p, s.key)) {
          if (line.quantity == 0) continue;
          report.rows.push_back(
              {Cell::of_text(e.id), Cell::of_text(e.name), Cell::of_text(p.str()),
               Cell::of_text(s.key), Cell::of_integer(line.quantity),
               line.unit_price ? Cell::of_decimal(*line.unit_price) : Cell::empty(),
               Cell::of_text(line.description)});
        }
      }
    }
  }
  keep_last_cells_if_used(report, "description");
  return report;
}

}  // namespace citfee
