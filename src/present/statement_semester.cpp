// The statement of a semester's variable fees (quote variabili).
#include <fmt/format.h>

#include "present/italian.hpp"
#include "present/scope_words.hpp"
#include "present/statement_semester.hpp"

namespace citfee {

namespace {

// How the free units of a service stood when the semester began: said once
// per service, however many lines it has.
std::string allowance_note(const ServiceCharge& c, const Entity& entity) {
  const Service& s = *c.service;
  if (s.scope == AllowanceScope::kNone) {
    if (!s.unit_price) {
      return fmt::format("{}: prezzo stabilito per ciascun evento.", s.label);
    }
    return fmt::format("{}: nessuna quantità gratuita.", s.label);
  }
  const ScopeWords words = scope_words(s.scope);
  return fmt::format("{}: quantità gratuita {} {}{}; {} {}; residuo a inizio semestre {}.", s.label,
                     italian_integer(c.allowance.allowance), words.per_it,
                     italian_basis(s.allowance, entity), words.earlier_it,
                     italian_integer(c.allowance.used_before), italian_integer(c.allowance.left));
}

// "Evento formativo a pagamento: Privacy e GDPR" when the usage names the event.
std::string charge_label(const ServiceCharge& c) {
  if (c.description.empty()) return c.service->label;
  return fmt::format("{}: {}", c.service->label, c.description);
}

DetailRow charge_row(const ServiceCharge& c) {
  return {{charge_label(c), italian_integer(c.quantity), italian_integer(c.free),
           italian_integer(c.billable), italian_amount(c.unit_price), italian_amount(c.amount)}};
}

}  // namespace

Statement semester_statement(const SemesterBill& bill, const Tariff& tariff,
                             const StatementSettings& settings) {
  const Entity& entity = *bill.entity;
  const Period period = bill.period;
  Statement s = statement_parts::base(entity, settings);
  s.file_stem = fmt::format("{}-{}", entity.id, period.str());
  s.reference = semester_reference(period, entity.id);
  s.subject = fmt::format("Servizi erogati nel {} – quote variabili", italian_semester(period));
  s.opening.push_back(
      fmt::format("Come previsto dalla Convenzione per la gestione del Centro Innovazione e "
                  "Tecnologie e dalle Schede Tecnico-Economiche (Allegato A), si trasmette il "
                  "dettaglio dei servizi erogati a codesto Ente nel {} ({}), con la quota "
                  "variabile dovuta per i servizi utilizzati oltre le quantità gratuite comprese "
                  "nella quota annuale.",
                  italian_semester(period), italian_semester_months(period)));
  s.columns = {{"Servizio", Align::kLeft, 30},         {"Utilizzati", Align::kRight, 11},
               {"Gratuiti", Align::kRight, 10},        {"A pagamento", Align::kRight, 14},
               {"Prezzo unitario", Align::kRight, 17}, {"Importo", Align::kRight, 18}};
  const Service* noted = nullptr;
  for (const ServiceCharge& c : bill.lines) {
    s.rows.push_back(charge_row(c));
    if (c.service != noted) s.notes.push_back(allowance_note(c, entity));
    noted = c.service;
  }
  for (const Settlement& st : bill.settlements) {
    s.rows.push_back({{fmt::format("Conguaglio {}", italian_semester(st.period)), "", "", "", "",
                       italian_amount(st.difference())}});
    s.notes.push_back(
        fmt::format("Conguaglio del {}: già fatturato {}, ricalcolato sui consumi aggiornati {}, "
                    "differenza {}.",
                    italian_semester(st.period), italian_amount(st.billed_before),
                    italian_amount(st.correct), italian_amount(st.difference())));
  }
  if (!s.rows.empty())
    s.rows.push_back({{"Totale", "", "", "", "", italian_amount(bill.total)}, true});
  s.no_rows = "Nel semestre non risultano servizi utilizzati.";
  s.notes.push_back(fmt::format("Tariffa applicata: {} ({}).", tariff.title, tariff.id));
  s.total_label = bill.total.is_negative()
                      ? fmt::format("Totale del {}, a credito", italian_semester(period))
                      : fmt::format("Totale quote variabili del {}", italian_semester(period));
  s.total = bill.total;
  s.due = bill.due;
  s.payment_reason = statement_parts::payment_reason(
      fmt::format("{} quote variabili CIT {}", s.reference, period.str()));
  return s;
}

}  // namespace citfee
