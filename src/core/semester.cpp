#include "core/semester.hpp"

#include <algorithm>

namespace citfee {

std::vector<Period> earlier_periods(const Tariff& tariff, AllowanceScope scope, Period period) {
  std::vector<Period> out;
  const Period start{tariff.convention_start, Half::H1};
  Period first = start;
  switch (scope) {  // no default: a new scope must say where its count begins
    case AllowanceScope::kNone:
      return out;
    case AllowanceScope::kYear:
      first = std::max(start, Period{period.year, Half::H1});
      break;
    case AllowanceScope::kConvention:
      break;
  }
  for (Period p = first; p < period; p = p.next()) out.push_back(p);
  return out;
}

AllowanceUse allowance_use(const Tariff& tariff, const Service& service, const UsageLedger& ledger,
                           const Entity& entity, Period period) {
  AllowanceUse use;
  if (service.scope == AllowanceScope::kNone) return use;
  use.allowance = allowance_for(service.allowance, entity);
  for (Period p : earlier_periods(tariff, service.scope, period)) {
    std::int64_t q = ledger.quantity(entity.id, p, service.key);
    use.earlier.push_back({p, q});
    use.used_before = checked_add(use.used_before, q);
  }
  use.left = std::max<std::int64_t>(0, use.allowance - use.used_before);
  return use;
}

SemesterBill semester_bill(const Tariff& tariff, const UsageLedger& ledger, const Entity& entity,
                           Period period) {
  SemesterBill bill;
  bill.entity = &entity;
  bill.period = period;
  bill.due = semester_due_date(tariff, period);
  for (const Service& service : tariff.services) {
    const auto& lines = ledger.lines(entity.id, period, service.key);
    if (lines.empty()) continue;
    AllowanceUse use = allowance_use(tariff, service, ledger, entity, period);
    // Free units are used up in order, line after line.
    for (const auto& line : lines) {
      if (line.quantity == 0) continue;
      ServiceCharge charge;
      charge.service = &service;
      charge.allowance = use;
      charge.quantity = line.quantity;
      charge.free = std::min(line.quantity, use.left);
      charge.billable = line.quantity - charge.free;
      charge.unit_price = line.unit_price ? *line.unit_price : *service.unit_price;
      charge.amount = charge.unit_price.times(charge.billable).rounded_to_cent();
      charge.description = line.description;
      use.left -= charge.free;
      bill.total += charge.amount;
      bill.lines.push_back(std::move(charge));
    }
  }
  return bill;
}

void add_settlements(SemesterBill& bill, std::vector<Settlement> settlements) {
  for (Settlement& s : settlements) {
    bill.total += s.difference();
    bill.settlements.push_back(std::move(s));
  }
}

}  // namespace citfee
