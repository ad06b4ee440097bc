#include "present/payments_rows.hpp"

#include "present/terms.hpp"

#include <map>

#include <fmt/format.h>

#include "present/italian.hpp"

namespace citfee {

namespace {

Cell text_or_empty(const std::string& s) {
  return s.empty() ? Cell::empty() : Cell::of_text(s);
}

}  // namespace

Report payments_report(const std::vector<Payment>& payments, const std::vector<IssuedBill>& bills) {
  std::map<std::string, const IssuedBill*> by_number;
  for (const IssuedBill& b : bills) by_number[b.number] = &b;
  Report r;
  r.command = "payments";
  r.title = "Payments received";
  r.title_it = "Pagamenti ricevuti";
  r.sheet = "Pagamenti";
  r.columns = {"payment", "date",      "amount", "payer", "tax_code", "description",
               "bill",    "reference", "id",     "name",  "match"};
  r.total_column = 2;
  for (const Payment& p : payments) {
    const auto it = by_number.find(p.bill);
    const IssuedBill* b = it == by_number.end() ? nullptr : it->second;
    r.rows.push_back({Cell::of_text(p.id), Cell::of_date(p.date), Cell::of_amount(p.amount),
                      text_or_empty(p.payer), text_or_empty(p.tax_code),
                      text_or_empty(p.description), text_or_empty(p.bill),
                      b ? Cell::of_text(b->reference) : Cell::empty(),
                      b ? Cell::of_text(b->entity_id) : Cell::empty(),
                      b ? Cell::of_text(b->name) : Cell::empty(), Cell::of_term(term_of(p.match))});
  }
  return r;
}

Report bill_balance_report(const std::vector<BillBalance>& balances, Date as_of) {
  Report r;
  r.command = "balance";
  r.title = fmt::format("Balance of each bill at {}", as_of.iso());
  r.title_it = "Situazione dei documenti al " + italian_numeric_date(as_of);
  r.sheet = "Per documento";
  r.about = {{"as_of", Cell::of_date(as_of)}, {"by", Cell::of_text("bill")}};
  r.columns = {"number",        "reference", "id",          "name",   "date",          "due_date",
               "billed",        "paid",      "outstanding", "credit", "days_past_due", "reminders",
               "last_reminder", "status"};
  r.total_column = 8;
  r.more_totals = {6, 7, 9};
  for (const BillBalance& b : balances) {
    const IssuedBill& bill = *b.bill;
    r.rows.push_back({Cell::of_text(bill.number), Cell::of_text(bill.reference),
                      Cell::of_text(bill.entity_id), Cell::of_text(bill.name),
                      Cell::of_date(bill.date), Cell::of_date(bill.due),
                      Cell::of_amount(bill.total), Cell::of_amount(b.paid),
                      Cell::of_amount(b.outstanding), Cell::of_amount(b.credit),
                      Cell::of_integer(b.days_past_due), Cell::of_integer(b.reminders),
                      b.last_reminder ? Cell::of_date(*b.last_reminder) : Cell::empty(),
                      Cell::of_term(term_of(b.status))});
  }
  return r;
}

Report entity_balance_report(const std::vector<EntityBalance>& balances, Date as_of) {
  Report r;
  r.command = "balance";
  r.title = fmt::format("Balance of each entity at {}", as_of.iso());
  r.title_it = "Situazione degli enti al " + italian_numeric_date(as_of);
  r.sheet = "Per ente";
  r.about = {{"as_of", Cell::of_date(as_of)}, {"by", Cell::of_text("entity")}};
  r.columns = {"id", "name", "bills", "billed", "paid", "outstanding", "credit", "status"};
  r.total_column = 5;
  r.more_totals = {3, 4, 6};
  for (const EntityBalance& e : balances) {
    r.rows.push_back({Cell::of_text(e.id), Cell::of_text(e.name), Cell::of_integer(e.bills),
                      Cell::of_amount(e.billed), Cell::of_amount(e.paid),
                      Cell::of_amount(e.outstanding), Cell::of_amount(e.credit),
                      Cell::of_term(term_of(e.status))});
  }
  return r;
}

Report collection_report(const std::vector<CollectionTotals>& totals, int year, Date as_of) {
  Report r;
  r.command = "summary";
  r.title = fmt::format("Billed and collected {}, at {}", year, as_of.iso());
  r.title_it = fmt::format("Fatturato e riscosso {}, al {}", year, italian_numeric_date(as_of));
  r.sheet = "Riscossione";
  r.about = {{"table", Cell::of_text("collection")}, {"as_of", Cell::of_date(as_of)}};
  r.columns = {"period", "kind", "bills", "billed", "paid", "outstanding", "overdue", "credit"};
  r.total_column = 3;
  r.more_totals = {4, 5, 6, 7};
  for (const CollectionTotals& t : totals) {
    r.rows.push_back({Cell::of_text(t.period), Cell::of_text(std::string(kind_name(t.kind))),
                      Cell::of_integer(t.bills), Cell::of_amount(t.billed), Cell::of_amount(t.paid),
                      Cell::of_amount(t.outstanding), Cell::of_amount(t.overdue),
                      Cell::of_amount(t.credit)});
  }
  r.charts.push_back(
      {ChartKind::kColumn, "Billed and collected", "Fatturato e riscosso", 0, {3, 4, 5}});
  return r;
}

Report reminders_report(const std::vector<ReminderDue>& reminders) {
  Report r;
  r.command = "remind";
  r.title = "Reminders of overdue bills";
  r.title_it = "Solleciti dei documenti scaduti";
  r.sheet = "Solleciti";
  r.columns = {"bill",        "reference", "id",   "name",         "due_date",
               "outstanding", "reminder",  "date", "new_due_date", "status"};
  r.total_column = 5;
  for (const ReminderDue& d : reminders) {
    const IssuedBill& b = *d.balance->bill;
    r.rows.push_back({Cell::of_text(b.number), Cell::of_text(b.reference),
                      Cell::of_text(b.entity_id), Cell::of_text(b.name), Cell::of_date(b.due),
                      Cell::of_amount(d.reminder.outstanding), Cell::of_integer(d.reminder.count),
                      Cell::of_date(d.reminder.date), Cell::of_date(d.reminder.new_due),
                      Cell::of_term(reminder_term(d.already_sent))});
  }
  return r;
}

}  // namespace citfee
