#include "present/terms.hpp"

#include <array>

namespace citfee {

namespace {

constexpr std::array kColumns = {
    Term{"id", "id", "Codice"},
    Term{"name", "name", "Denominazione"},
    Term{"type", "type", "Tipo"},
    Term{"population", "population", "Popolazione"},
    Term{"band", "band", "Fascia"},
    Term{"coefficient", "coefficient", "Coefficiente"},
    Term{"computed", "computed", "Importo calcolato"},
    Term{"annual_fee", "annual_fee", "Quota annuale"},
    Term{"due_date", "due_date", "Scadenza"},
    Term{"period", "period", "Periodo"},
    Term{"service", "service", "Servizio"},
    Term{"quantity", "quantity", "Quantità"},
    Term{"free", "free", "Gratuite"},
    Term{"billable", "billable", "A pagamento"},
    Term{"unit_price", "unit_price", "Prezzo unitario"},
    Term{"amount", "amount", "Importo"},
    Term{"compare_fee", "compare_fee", "Quota a confronto"},
    Term{"difference", "difference", "Differenza"},
    Term{"compare_population", "compare_population", "Popolazione a confronto"},
    Term{"compare_band", "compare_band", "Fascia a confronto"},
    Term{"why", "why", "Perché"},
    Term{"bodies", "bodies", "Enti"},
    Term{"residents", "residents", "Residenti"},
    Term{"rank", "rank", "Posizione"},
    Term{"number", "number", "Numero"},
    Term{"status", "status", "Stato"},
    Term{"reference", "reference", "Riferimento"},
    Term{"kind", "kind", "Tipo documento"},
    Term{"date", "date", "Data"},
    Term{"description", "description", "Descrizione"},
    Term{"payment", "payment", "Pagamento"},
    Term{"payer", "payer", "Ordinante"},
    Term{"tax_code", "tax_code", "Codice fiscale"},
    Term{"bill", "bill", "Documento"},
    Term{"match", "match", "Abbinamento"},
    Term{"bills", "bills", "Documenti"},
    Term{"billed", "billed", "Fatturato"},
    Term{"paid", "paid", "Pagato"},
    Term{"outstanding", "outstanding", "Da pagare"},
    Term{"credit", "credit", "Credito"},
    Term{"days_past_due", "days_past_due", "Giorni di ritardo"},
    Term{"reminders", "reminders", "Solleciti"},
    Term{"last_reminder", "last_reminder", "Ultimo sollecito"},
    Term{"reminder", "reminder", "Sollecito"},
    Term{"overdue", "overdue", "Scaduto"},
    Term{"new_due_date", "new_due_date", "Nuova scadenza"},
};

// The words of states, in the order of their enums.
constexpr std::array kBillStates = {
    Term{"not_issued", "not_issued", "non emesso"},
    Term{"issued", "issued", "emesso"},
    Term{"credit", "credit", "a credito"},
    Term{"corrected", "corrected", "rettificato"},
    Term{"already_issued", "already_issued", "già emesso"},
};

constexpr std::array kPaymentStatuses = {
    Term{"overdue", "overdue", "scaduto"}, Term{"partial", "partial", "parziale"},
    Term{"open", "open", "aperto"},        Term{"credit", "credit", "a credito"},
    Term{"paid", "paid", "pagato"},
};

constexpr std::array kMatches = {
    Term{"none", "none", "nessuno"},    Term{"reference", "reference", "riferimento"},
    Term{"number", "number", "numero"}, Term{"tax_code", "tax_code", "codice fiscale"},
    Term{"hand", "hand", "a mano"},
};

constexpr std::array kReminders = {
    Term{"sent", "sent", "inviato"},
    Term{"already_sent", "already_sent", "già inviato"},
};

template <typename Enum, std::size_t N>
const Term& in_order(const std::array<Term, N>& terms, Enum value) {
  return terms.at(static_cast<std::size_t>(value));
}

}  // namespace

const Term* column_term(std::string_view key) {
  for (const Term& t : kColumns) {
    if (t.key == key) return &t;
  }
  return nullptr;
}

const Term& term_of(BillState state) {
  return in_order(kBillStates, state);
}

const Term& term_of(PaymentStatus status) {
  return in_order(kPaymentStatuses, status);
}

const Term& term_of(Match match) {
  return in_order(kMatches, match);
}

const Term& reminder_term(bool already_sent) {
  return kReminders[already_sent ? 1 : 0];
}

}  // namespace citfee
