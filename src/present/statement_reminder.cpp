// The reminder of an overdue bill (sollecito di pagamento).
#include "present/statement_reminder.hpp"

#include <fmt/format.h>

#include "present/italian.hpp"

namespace citfee {

namespace {

std::string which(int count) {
  return count == 1 ? "Questo è il primo sollecito per il documento."
                    : fmt::format("Questo è il {}° sollecito per il documento.", count);
}

std::vector<std::string> opening(const IssuedBill& bill, int count, Date new_due) {
  return {
      fmt::format("Dalle nostre registrazioni il documento {} del {} ({}, riferimento {}), "
                  "scaduto il {}, non risulta interamente saldato.",
                  bill.number, italian_date(bill.date), italian_bill_subject(bill), bill.reference,
                  italian_date(bill.due)),
      which(count),
      fmt::format("Vi chiediamo di versare l'importo ancora dovuto entro il {}, con i dati di "
                  "pagamento indicati sotto. Se il pagamento è già stato disposto, vogliate "
                  "considerare nulla questa comunicazione.",
                  italian_date(new_due)),
  };
}

std::vector<DetailRow> rows(const BillBalance& b) {
  const IssuedBill& bill = *b.bill;
  std::vector<DetailRow> out;
  out.push_back({{fmt::format("Documento {}", bill.number), italian_numeric_date(bill.date),
                  italian_amount(bill.total)}});
  for (const Payment* p : b.payments) {
    out.push_back({{fmt::format("Pagamento ricevuto ({})", p->id), italian_numeric_date(p->date),
                    italian_amount(Money() - p->amount)}});
  }
  out.push_back({{"Importo ancora dovuto", "", italian_amount(b.outstanding)}, true});
  return out;
}

Entity recipient_of(const IssuedBill& bill) {
  Entity e;
  e.id = bill.entity_id;
  e.name = bill.name;
  e.tax_code = bill.tax_code;
  e.pec = bill.pec;
  return e;
}

}  // namespace

Statement reminder_statement(const BillBalance& balance, int count, Date new_due,
                             const StatementSettings& settings) {
  const IssuedBill& bill = *balance.bill;
  Statement s = statement_parts::base(recipient_of(bill), settings);
  s.file_stem = fmt::format("{}-S{}", bill.reference, count);
  s.reference = bill.reference;
  s.number = bill.number;
  s.subject = fmt::format("Sollecito di pagamento – {}", italian_bill_subject(bill));
  s.opening = opening(bill, count, new_due);
  s.columns = {{"Descrizione", Align::kLeft, 56},
               {"Data", Align::kRight, 20},
               {"Importo", Align::kRight, 24}};
  s.rows = rows(balance);
  s.notes = {
      fmt::format("Scadenza originaria: {}. Sollecito n. {}.", italian_date(bill.due), count)};
  s.total_label = "Importo ancora dovuto";
  s.total = balance.outstanding;
  s.due = new_due;
  s.payment_reason =
      statement_parts::payment_reason(fmt::format("{} sollecito {}", bill.reference, count));
  return s;
}

}  // namespace citfee
