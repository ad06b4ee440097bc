#include "core/event_tally.hpp"

#include <fmt/format.h>

namespace citfee {

namespace {

Period period_of(int ordinal) {
  return {ordinal / 2, ordinal % 2 ? Half::H2 : Half::H1};
}

}  // namespace

EventTally::EventTally(std::size_t entities, std::size_t services, Period first)
    : entities_(entities), services_(services), first_(first.ordinal()) {}

std::int64_t* EventTally::make_row(std::size_t offset) {
  if (offset >= rows_.size()) rows_.resize(offset + 1);
  rows_[offset].assign(entities_ * services_, 0);
  return rows_[offset].data();
}

void EventTally::add_priced(std::size_t entity, int period, std::size_t service, Money unit_price,
                            std::int64_t quantity) {
  std::vector<PricedLine>& lines = priced_[PricedKey{period - first_, entity, service}];
  for (PricedLine& line : lines) {
    if (line.unit_price == unit_price) {
      line.quantity = checked_add(line.quantity, quantity);
      return;
    }
  }
  lines.push_back({unit_price, quantity});
}

void EventTally::merge(const EventTally& later) {
  for (std::size_t offset = 0; offset < later.rows_.size(); ++offset) {
    const std::vector<std::int64_t>& theirs = later.rows_[offset];
    if (theirs.empty()) continue;
    std::int64_t* mine = row(first_ + static_cast<int>(offset));
    for (std::size_t i = 0; i < theirs.size(); ++i) mine[i] = checked_add(mine[i], theirs[i]);
  }
  for (const auto& [key, lines] : later.priced_) {
    const auto& [offset, entity, service] = key;
    for (const PricedLine& line : lines)
      add_priced(entity, first_ + offset, service, line.unit_price, line.quantity);
  }
}

std::int64_t EventTally::quantity(std::size_t entity, int period, std::size_t service) const {
  const auto offset = static_cast<std::size_t>(period - first_);
  if (period < first_ || offset >= rows_.size() || rows_[offset].empty()) return 0;
  return rows_[offset][entity * services_ + service];
}

void EventTally::fill(UsageLedger& ledger, const std::vector<Entity>& entities,
                      const Tariff& tariff) const {
  for (std::size_t offset = 0; offset < rows_.size(); ++offset) {
    const std::vector<std::int64_t>& counts = rows_[offset];
    if (counts.empty()) continue;
    const Period period = period_of(first_ + static_cast<int>(offset));
    for (std::size_t e = 0; e < entities_; ++e) {
      for (std::size_t s = 0; s < services_; ++s) {
        const std::int64_t q = counts[e * services_ + s];
        if (q > 0) ledger.add(entities[e].id, period, tariff.services[s].key, q, std::nullopt);
      }
    }
  }
  for (const auto& [key, lines] : priced_) {
    const auto& [offset, entity, service] = key;
    const Period period = period_of(first_ + offset);
    for (const PricedLine& line : lines) {
      if (line.quantity > 0) {
        ledger.add(entities[entity].id, period, tariff.services[service].key, line.quantity,
                   line.unit_price);
      }
    }
  }
}

void EventTally::check_sums(const std::vector<Entity>& entities, const Tariff& tariff,
                            const std::string& source, Diagnostics& diag) const {
  const auto check = [&](std::size_t offset, std::size_t e, std::size_t s, std::int64_t q) {
    if (q <= kMaxQuantity) return;
    diag.error({source, 0, 0},
               fmt::format("the events of {} for {} in {} add up to {}, more than the {} one usage "
                           "row may hold: surely a mistake",
                           entities[e].id, tariff.services[s].key,
                           period_of(first_ + static_cast<int>(offset)).str(), q, kMaxQuantity));
  };
  for (std::size_t offset = 0; offset < rows_.size(); ++offset) {
    const std::vector<std::int64_t>& counts = rows_[offset];
    for (std::size_t i = 0; i < counts.size(); ++i)
      check(offset, i / services_, i % services_, counts[i]);
  }
  for (const auto& [key, lines] : priced_) {
    const auto& [offset, entity, service] = key;
    for (const PricedLine& line : lines)
      check(static_cast<std::size_t>(offset), entity, service, line.quantity);
  }
}

}  // namespace citfee
