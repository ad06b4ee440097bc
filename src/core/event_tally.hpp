// Units counted from raw event logs, per entity, semester and service.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <tuple>
#include <vector>

#include "core/entity.hpp"
#include "core/error.hpp"
#include "core/money.hpp"
#include "core/period.hpp"
#include "core/tariff.hpp"
#include "core/usage_ledger.hpp"

namespace citfee {

// A compact count of a log: one whole number per entity, period and service,
// in a flat array per period. Entities and services are indexes (into the
// entities file and the tariff's services), so its size depends only on
// entities x periods x services, never on the number of events: a log of
// any length streams through it. Services priced per event keep one count
// per price, in the order the prices first appear.
class EventTally {
 public:
  EventTally(std::size_t entities, std::size_t services, Period first);

  std::size_t entities() const { return entities_; }
  std::size_t services() const { return services_; }

  // Adds units of a service the tariff prices. `period` is an ordinal, not
  // before `first`. Throws OverflowError.
  void add(std::size_t entity, int period, std::size_t service, std::int64_t quantity) {
    std::int64_t& cell = row(period)[entity * services_ + service];
    std::int64_t sum;
    if (__builtin_add_overflow(cell, quantity, &sum)) throw OverflowError("quantity");
    cell = sum;
  }

  // Adds units of a service priced per event, at `unit_price`. Throws OverflowError.
  void add_priced(std::size_t entity, int period, std::size_t service, Money unit_price,
                  std::int64_t quantity);

  // Adds the counts of `later`, a tally of the same shape over a later part
  // of the same input. Throws OverflowError.
  void merge(const EventTally& later);

  // Units of a service the tariff prices (0 if none).
  std::int64_t quantity(std::size_t entity, int period, std::size_t service) const;

  // Adds every count above zero to `ledger`, under the ids of `entities` and
  // the keys of the tariff's services.
  void fill(UsageLedger& ledger, const std::vector<Entity>& entities, const Tariff& tariff) const;
  // The sums above kMaxQuantity, which no usage file may hold (the ledger
  // written from them could not be read back): one error each, for `source`.
  void check_sums(const std::vector<Entity>& entities, const Tariff& tariff,
                  const std::string& source, Diagnostics& diag) const;

 private:
  struct PricedLine {
    Money unit_price;
    std::int64_t quantity = 0;
  };
  using PricedKey = std::tuple<int, std::size_t, std::size_t>;  // period offset, entity, service

  // The counts of a period, made when the period is first seen.
  std::int64_t* row(int period) {
    const auto offset = static_cast<std::size_t>(period - first_);
    if (offset < rows_.size() && !rows_[offset].empty()) return rows_[offset].data();
    return make_row(offset);
  }
  std::int64_t* make_row(std::size_t offset);

  std::size_t entities_;
  std::size_t services_;
  int first_;                                    // ordinal of the first period
  std::vector<std::vector<std::int64_t>> rows_;  // by period offset: entity x service
  std::map<PricedKey, std::vector<PricedLine>> priced_;
};

}  // namespace citfee
