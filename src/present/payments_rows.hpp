// Payments received, one row each, and the balances of bills and entities.
#pragma once

#include <vector>

#include "core/balance.hpp"
#include "core/issued_bill.hpp"
#include "core/payment.hpp"
#include "present/report.hpp"

namespace citfee {

// payment,date,amount,payer,tax_code,description,bill,reference,id,name,match
Report payments_report(const std::vector<Payment>& payments, const std::vector<IssuedBill>& bills);

// number,reference,id,name,date,due_date,billed,paid,outstanding,credit,
// days_past_due,reminders,last_reminder,status
Report bill_balance_report(const std::vector<BillBalance>& balances, Date as_of);

// id,name,bills,billed,paid,outstanding,credit,status
Report entity_balance_report(const std::vector<EntityBalance>& balances, Date as_of);

// period,kind,bills,billed,paid,outstanding,overdue,credit: the year's
// collection, for summary --books.
Report collection_report(const std::vector<CollectionTotals>& totals, int year, Date as_of);

// bill,reference,id,name,due_date,outstanding,reminder,date,new_due_date,status
// (status: sent, or already_sent when it was sent on that day before).
Report reminders_report(const std::vector<ReminderDue>& reminders);

}  // namespace citfee
