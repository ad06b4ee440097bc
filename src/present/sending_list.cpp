#include "present/sending_list.hpp"

namespace citfee {

Report sending_list(const std::vector<Statement>& statements) {
  Report report;
  report.command = "invio";
  report.title = "Sending list";
  report.title_it = "Elenco di invio";
  report.sheet = "Invio";
  report.columns = {"id", "name", "pec", "file", "reference", "amount", "due_date", "note"};
  for (const Statement& s : statements) {
    report.rows.push_back({
        Cell::of_text(s.recipient.id),
        Cell::of_text(s.recipient.name),
        Cell::of_text(s.recipient.pec),
        Cell::of_text(s.file_stem + ".pdf"),
        Cell::of_text(s.reference),
        Cell::of_amount(s.total),
        Cell::of_date(s.due),
        Cell::of_text(s.recipient.pec.empty() ? "senza PEC: indirizzo da trovare" : ""),
    });
  }
  return report;
}

}  // namespace citfee
