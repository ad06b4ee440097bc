#include "core/balance.hpp"

#include <algorithm>
#include <map>

namespace citfee {

std::string_view status_name(PaymentStatus status) {
  switch (status) {
    case PaymentStatus::kOverdue:
      return "overdue";
    case PaymentStatus::kPartial:
      return "partial";
    case PaymentStatus::kOpen:
      return "open";
    case PaymentStatus::kCredit:
      return "credit";
    case PaymentStatus::kPaid:
      return "paid";
  }
  return "open";
}

namespace {

PaymentStatus status_of(const BillBalance& b, Date as_of) {
  if (b.bill->is_credit() || !b.credit.is_zero()) return PaymentStatus::kCredit;
  if (b.outstanding.is_zero()) return PaymentStatus::kPaid;
  if (as_of > b.bill->due) return PaymentStatus::kOverdue;
  return b.paid.is_zero() ? PaymentStatus::kOpen : PaymentStatus::kPartial;
}

BillBalance balance_of(const IssuedBill& bill, std::vector<const Payment*> payments,
                       const std::vector<Reminder>& reminders, Date as_of) {
  BillBalance b;
  b.bill = &bill;
  std::stable_sort(payments.begin(), payments.end(),
                   [](const Payment* x, const Payment* y) { return x->date < y->date; });
  b.payments = std::move(payments);
  for (const Payment* p : b.payments) b.paid += p->amount;
  const Money net = bill.total - b.paid;
  if (net.is_negative()) {
    b.credit = Money() - net;
  } else {
    b.outstanding = net;
  }
  for (const Reminder& r : reminders) {
    if (r.bill != bill.number || r.date > as_of) continue;
    ++b.reminders;
    if (!b.last_reminder || r.date > *b.last_reminder) b.last_reminder = r.date;
  }
  b.status = status_of(b, as_of);
  if (b.status == PaymentStatus::kOverdue)
    b.days_past_due = days_since_epoch(as_of) - days_since_epoch(bill.due);
  return b;
}

}  // namespace

std::vector<BillBalance> bill_balances(const std::vector<IssuedBill>& bills,
                                       const std::vector<Payment>& payments,
                                       const std::vector<Reminder>& reminders, Date as_of) {
  std::map<std::string, std::vector<const Payment*>> by_bill;
  for (const Payment& p : payments) {
    if (!p.bill.empty() && p.date <= as_of) by_bill[p.bill].push_back(&p);
  }
  std::vector<BillBalance> out;
  for (const IssuedBill& bill : bills) {
    if (bill.date > as_of) continue;
    out.push_back(balance_of(bill, by_bill[bill.number], reminders, as_of));
  }
  return out;
}

std::vector<EntityBalance> entity_balances(const std::vector<BillBalance>& bills) {
  std::vector<EntityBalance> out;
  std::map<std::string, std::size_t> index;
  for (const BillBalance& b : bills) {
    auto [it, fresh] = index.emplace(b.bill->entity_id, out.size());
    if (fresh) {
      EntityBalance e;
      e.id = b.bill->entity_id;
      e.name = b.bill->name;
      out.push_back(std::move(e));
    }
    EntityBalance& e = out[it->second];
    ++e.bills;
    e.billed += b.bill->total;
    e.paid += b.paid;
    e.outstanding += b.outstanding;
    e.credit += b.credit;
    e.status = std::min(e.status, b.status);
  }
  return out;
}

std::vector<ReminderDue> reminders_due(const std::vector<BillBalance>& balances,
                                       const std::vector<Reminder>& sent, long after_days,
                                       Date date, Date new_due) {
  std::vector<ReminderDue> out;
  for (const BillBalance& b : balances) {
    if (b.status != PaymentStatus::kOverdue || b.days_past_due <= after_days) continue;
    ReminderDue due{&b, {b.bill->number, 1, date, b.outstanding, new_due}, false};
    for (const Reminder& r : sent) {
      if (r.bill != b.bill->number) continue;
      if (r.date == date) {
        due.reminder = r;
        due.already_sent = true;
        break;
      }
      due.reminder.count = std::max(due.reminder.count, r.count + 1);
    }
    out.push_back(due);
  }
  return out;
}

std::vector<CollectionTotals> collection_of_year(const std::vector<BillBalance>& balances,
                                                 int year) {
  std::vector<CollectionTotals> out = {
      {std::to_string(year), BillKind::kAnnual},
      {Period{year, Half::H1}.str(), BillKind::kSemester},
      {Period{year, Half::H2}.str(), BillKind::kSemester},
  };
  for (const BillBalance& b : balances) {
    if (b.bill->year() != year) continue;
    CollectionTotals& t = b.bill->kind != BillKind::kSemester ? out[0]
                          : b.bill->period == out[1].period   ? out[1]
                                                              : out[2];
    ++t.bills;
    t.billed += b.bill->total;
    t.paid += b.paid;
    t.outstanding += b.outstanding;
    if (b.status == PaymentStatus::kOverdue) t.overdue += b.outstanding;
    t.credit += b.credit;
  }
  return out;
}

std::vector<const Payment*> unmatched_payments(const std::vector<Payment>& payments, Date as_of) {
  std::vector<const Payment*> out;
  for (const Payment& p : payments) {
    if (p.bill.empty() && p.date <= as_of) out.push_back(&p);
  }
  return out;
}

}  // namespace citfee
