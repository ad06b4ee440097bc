#include "core/summary.hpp"

#include <algorithm>
#include <map>

namespace citfee {

void FeeTotals::add(const AnnualFee& fee, const AnnualFee* compared) {
  bodies = checked_add(bodies, 1);
  if (fee.entity->population) residents = checked_add(residents, *fee.entity->population);
  total += fee.fee;
  if (compared) compare_total += compared->fee;
}

AnnualSummary summarize_annual(const std::vector<AnnualFee>& fees, std::size_t band_count,
                               const std::vector<AnnualFee>* compared) {
  AnnualSummary s;
  s.by_band.resize(band_count);
  std::map<EntityType, FeeTotals> by_type;
  for (std::size_t i = 0; i < fees.size(); ++i) {
    const AnnualFee& fee = fees[i];
    const AnnualFee* other = compared ? &compared->at(i) : nullptr;
    (fee.band ? s.by_band.at(*fee.band) : s.flat).add(fee, other);
    by_type[fee.entity->type].add(fee, other);
    s.all.add(fee, other);
  }
  for (EntityType type : kAllEntityTypes) {
    if (auto it = by_type.find(type); it != by_type.end()) s.by_type.emplace_back(type, it->second);
  }
  return s;
}

std::vector<ServiceTotals> summarize_services(const std::vector<SemesterBill>& bills,
                                              const Tariff& tariff,
                                              const std::vector<Period>& periods) {
  std::vector<ServiceTotals> rows;
  for (Period period : periods) {
    for (const Service& service : tariff.services) {
      ServiceTotals t;
      t.period = period;
      t.service = &service;
      for (const SemesterBill& bill : bills) {
        if (bill.period != period) continue;
        for (const ServiceCharge& c : bill.lines) {
          if (c.service->key != service.key) continue;
          t.quantity = checked_add(t.quantity, c.quantity);
          t.free = checked_add(t.free, c.free);
          t.billable = checked_add(t.billable, c.billable);
          t.amount += c.amount;
        }
      }
      rows.push_back(t);
    }
  }
  return rows;
}

std::vector<EntityTotal> top_entities(const std::vector<SemesterBill>& bills, std::size_t limit) {
  std::vector<EntityTotal> totals;
  std::map<const Entity*, std::size_t> index;
  for (const SemesterBill& bill : bills) {
    auto [it, added] = index.try_emplace(bill.entity, totals.size());
    if (added) totals.push_back({bill.entity, Money()});
    totals[it->second].amount += bill.total;
  }
  std::erase_if(totals, [](const EntityTotal& t) { return t.amount.is_zero(); });
  std::stable_sort(totals.begin(), totals.end(),
                   [](const EntityTotal& a, const EntityTotal& b) { return a.amount > b.amount; });
  if (totals.size() > limit) totals.resize(limit);
  return totals;
}

}  // namespace citfee
