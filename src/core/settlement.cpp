#include "core/settlement.hpp"

#include <algorithm>

namespace citfee {

Money billed_for(const std::vector<IssuedBill>& bills, Period period) {
  const std::string name = period.str();
  Money sum;
  for (const IssuedBill& bill : bills) {
    if (bill.kind != BillKind::kSemester) continue;
    for (const BillLine& line : bill.lines) {
      if (line.period == name) sum += line.amount;
    }
  }
  return sum;
}

std::vector<Period> periods_to_settle(const std::vector<IssuedBill>& bills, Period period) {
  std::vector<Period> out;
  for (const IssuedBill& bill : bills) {
    if (bill.kind != BillKind::kSemester) continue;
    const Period p = Period::parse(bill.period);
    if (p < period && std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::optional<Settlement> settle(const std::vector<IssuedBill>& bills, Period period,
                                 Money correct) {
  Settlement s{period, billed_for(bills, period), correct};
  if (s.difference().is_zero()) return std::nullopt;
  return s;
}

std::vector<Settlement> settlements_for(const std::vector<IssuedBill>& bills, Period period,
                                        const std::function<Money(Period)>& recompute) {
  std::vector<Settlement> out;
  for (Period q : periods_to_settle(bills, period)) {
    if (auto s = settle(bills, q, recompute(q))) out.push_back(*s);
  }
  return out;
}

Money annual_billed(const std::vector<IssuedBill>& bills, int year) {
  const std::string name = std::to_string(year);
  Money sum;
  for (const IssuedBill& bill : bills) {
    if (bill.kind != BillKind::kSemester && bill.period == name) sum += bill.total;
  }
  return sum;
}

int annual_corrections(const std::vector<IssuedBill>& bills, int year) {
  const std::string name = std::to_string(year);
  return static_cast<int>(std::count_if(bills.begin(), bills.end(), [&](const IssuedBill& b) {
    return b.kind == BillKind::kAnnualCorrection && b.period == name;
  }));
}

const IssuedBill* issued_bill_for(const std::vector<IssuedBill>& bills, BillKind kind,
                                  const std::string& period) {
  for (const IssuedBill& bill : bills) {
    if (bill.kind == kind && bill.period == period) return &bill;
  }
  return nullptr;
}

}  // namespace citfee
