// Who has paid what: each bill's balance at a date, and each entity's.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/issued_bill.hpp"
#include "core/payment.hpp"

namespace citfee {

// From the worst to the best, as an entity's status is its worst bill's.
enum class PaymentStatus {
  kOverdue,  // something outstanding after the due date, partly paid or not
  kPartial,  // partly paid, not yet due
  kOpen,     // nothing paid, not yet due
  kCredit,   // a negative bill, or paid more than billed
  kPaid,     // nothing outstanding
};

std::string_view status_name(PaymentStatus status);  // overdue, partial, open, credit, paid

// A reminder (sollecito) sent for a bill, as the books keep it.
struct Reminder {
  std::string bill;  // the bill's number
  int count = 0;     // 1 for the first reminder of the bill
  Date date;
  Money outstanding;  // what it asked for
  Date new_due;
};

struct BillBalance {
  const IssuedBill* bill = nullptr;
  std::vector<const Payment*> payments;  // on or before the date, in date order
  Money paid;
  Money outstanding;  // what is still to pay; zero when paid or in credit
  Money credit;       // what was paid beyond the bill, or a negative bill's amount
  long days_past_due = 0;
  int reminders = 0;  // sent on or before the date
  std::optional<Date> last_reminder;
  PaymentStatus status = PaymentStatus::kOpen;
};

struct EntityBalance {
  std::string id;
  std::string name;
  int bills = 0;
  Money billed;
  Money paid;
  Money outstanding;
  Money credit;
  PaymentStatus status = PaymentStatus::kPaid;  // of its worst bill
};

// The bills dated on or before `as_of`, each with the payments matched to it
// and dated on or before `as_of`, in the order of `bills`.
std::vector<BillBalance> bill_balances(const std::vector<IssuedBill>& bills,
                                       const std::vector<Payment>& payments,
                                       const std::vector<Reminder>& reminders, Date as_of);

// The same summed per entity, in the order each entity first appears.
std::vector<EntityBalance> entity_balances(const std::vector<BillBalance>& bills);

// The reminder each bill overdue by more than `after_days` gets on `date`,
// asking for payment by `new_due`: the next of its count, or, when one was
// sent that very day, that one again (written again, not recorded again).
struct ReminderDue {
  const BillBalance* balance = nullptr;
  Reminder reminder;
  bool already_sent = false;
};
std::vector<ReminderDue> reminders_due(const std::vector<BillBalance>& balances,
                                       const std::vector<Reminder>& sent, long after_days,
                                       Date date, Date new_due);

// What the bills of a year come to, by kind: the annual bills of `year`
// (corrections with them), then those of each semester of it.
struct CollectionTotals {
  std::string period;  // 2027, 2027-H1, 2027-H2
  BillKind kind = BillKind::kAnnual;
  int bills = 0;
  Money billed = {};
  Money paid = {};
  Money outstanding = {};
  Money overdue = {};  // the outstanding of the bills overdue
  Money credit = {};
};
std::vector<CollectionTotals> collection_of_year(const std::vector<BillBalance>& balances,
                                                 int year);

// The payments dated on or before `as_of` that match no bill (sospesi).
std::vector<const Payment*> unmatched_payments(const std::vector<Payment>& payments, Date as_of);

}  // namespace citfee
