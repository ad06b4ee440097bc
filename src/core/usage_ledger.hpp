// Usage of the services, per entity, semester and service: the usage ledger.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_set>
#include <vector>

#include "core/entity.hpp"
#include "core/error.hpp"
#include "core/money.hpp"
#include "core/period.hpp"
#include "core/tariff.hpp"

namespace citfee {

// The largest quantity one usage row may hold: above it, surely a mistake;
// and sums of such rows cannot overflow.
inline constexpr std::int64_t kMaxQuantity = 1'000'000'000;

// One row of a usage file, as read: not yet checked against entities or tariff.
struct UsageRecord {
  std::string entity_id;
  Period period;
  std::string service;
  std::int64_t quantity = 0;
  std::optional<Money> unit_price;  // only for services priced per event
  Location where;                   // the row, and the cell of the quantity
  int id_field = 0;                 // fields of the row, for messages (1-based; 0 if none)
  int service_field = 0;
  int price_field = 0;
  std::string description = {};  // what the event was (a course), when given
};

// Quantities summed per entity, period and service. A service priced per
// event keeps one line per price and description, in the order they first
// appear.
class UsageLedger {
 public:
  struct Line {
    std::optional<Money> unit_price;
    std::int64_t quantity = 0;
    std::string description;  // the event's name, for the letter
  };

  void add(const std::string& entity_id, Period period, const std::string& service,
           std::int64_t quantity, std::optional<Money> unit_price,
           const std::string& description = {});

  // Total units of a service used by an entity in a period (all prices).
  std::int64_t quantity(const std::string& entity_id, Period period,
                        const std::string& service) const;
  // The lines of a service in a period; empty if none.
  const std::vector<Line>& lines(const std::string& entity_id, Period period,
                                 const std::string& service) const;
  // Whether the entity used anything in the period.
  bool has_usage(const std::string& entity_id, Period period) const;
  // Every period with usage, in time order.
  std::vector<Period> periods() const;
  // Units per service over the whole ledger.
  std::map<std::string, std::int64_t> totals_by_service() const;

 private:
  using Key = std::tuple<std::string, int, std::string>;  // id, period ordinal, service
  std::map<Key, std::vector<Line>> lines_;
};

// The rules a usage row must keep, one place for the usage files and the
// event logs. Each returns why a row breaks it, or "" when it keeps it.
namespace ledger_rules {

// An id of no entity. `is_known` tells whether an id is an entity's: when
// the id with its leading zeros lost or restored is one ("17001" for
// "017001", as Excel drops them from codes stored as numbers), it is named.
std::string unknown_id(std::string_view id, const std::function<bool(std::string_view)>& is_known);
// The ids that `id` may have been before Excel took its leading zeros, or
// after: without them, and zero-padded to an ISTAT code's six digits.
std::vector<std::string> lost_zero_forms(std::string_view id);
// `service` is not in the tariff: the message lists those that are.
std::string unknown_service(std::string_view service, const Tariff& tariff);
// The tariff's price is not overridden silently; a price per event must be
// given (`in_column`: the file has a unit_price column to give it in).
std::string price_problem(const Service& service, bool price_given, bool in_column = true);
// Usage outside the entity's membership (before it joined, after it left).
std::string outside_membership(const Entity& entity, Period period);
std::string outside_membership(const Entity& entity, Date date);

}  // namespace ledger_rules

// What build_ledger left out, so the user can be told.
struct LedgerNotes {
  std::map<std::string, std::set<int>> lines_before_convention;  // lines, by file
  int rows_after_period = 0;
};

// Checks every record against the entities and the tariff and adds it to a
// ledger. Usage before the tariff's convention began is left out (and counted
// in `notes`), and so is usage after `last` when given. Problems go to `diag`:
// an unknown id, a service the tariff does not have, a price given for a
// service the tariff prices, or none given for one priced per event.
// Every row of the convention is checked, also those after `last`.
UsageLedger build_ledger(const std::vector<UsageRecord>& records,
                         const std::vector<Entity>& entities, const Tariff& tariff,
                         std::optional<Period> last, Diagnostics& diag, LedgerNotes& notes);

// The same, with the ids known as entities given directly (check also knows
// the ids of rows it rejected, which are not "unknown"), and the membership
// of those that have one.
UsageLedger build_ledger(const std::vector<UsageRecord>& records,
                         const std::unordered_set<std::string>& known_ids, const Tariff& tariff,
                         std::optional<Period> last, Diagnostics& diag, LedgerNotes& notes,
                         const std::map<std::string, Membership>& memberships = {});

// The services whose free units a semester before `period` may have used,
// when the ledger holds no usage before it: those counted over the whole
// convention, past its first semester, and those counted over the year, in
// an H2. Empty when the ledger starts earlier. A usage file of one semester
// alone would otherwise bill as if nothing had been used before.
struct MissingHistory {
  std::vector<std::string> convention;  // service keys
  std::vector<std::string> year;
};
MissingHistory missing_history(const UsageLedger& ledger, const Tariff& tariff, Period period);

}  // namespace citfee
