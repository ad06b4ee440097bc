#include "core/usage_ledger.hpp"

#include <set>
#include <unordered_set>

#include <fmt/format.h>

namespace citfee {

void UsageLedger::add(const std::string& entity_id, Period period, const std::string& service,
                      std::int64_t quantity, std::optional<Money> unit_price,
                      const std::string& description) {
  std::vector<Line>& lines = lines_[Key{entity_id, period.ordinal(), service}];
  for (Line& line : lines) {
    if (line.unit_price == unit_price && line.description == description) {
      line.quantity = checked_add(line.quantity, quantity);
      return;
    }
  }
  lines.push_back({unit_price, quantity, description});
}

std::int64_t UsageLedger::quantity(const std::string& entity_id, Period period,
                                   const std::string& service) const {
  std::int64_t total = 0;
  for (const Line& line : lines(entity_id, period, service))
    total = checked_add(total, line.quantity);
  return total;
}

const std::vector<UsageLedger::Line>& UsageLedger::lines(const std::string& entity_id,
                                                         Period period,
                                                         const std::string& service) const {
  static const std::vector<Line> kNone;
  auto it = lines_.find(Key{entity_id, period.ordinal(), service});
  return it == lines_.end() ? kNone : it->second;
}

bool UsageLedger::has_usage(const std::string& entity_id, Period period) const {
  auto it = lines_.lower_bound(Key{entity_id, period.ordinal(), ""});
  for (; it != lines_.end(); ++it) {
    if (std::get<0>(it->first) != entity_id || std::get<1>(it->first) != period.ordinal())
      return false;
    for (const Line& line : it->second) {
      if (line.quantity > 0) return true;
    }
  }
  return false;
}

std::vector<Period> UsageLedger::periods() const {
  std::set<int> ordinals;
  for (const auto& [key, lines] : lines_) ordinals.insert(std::get<1>(key));
  std::vector<Period> out;
  for (int o : ordinals) out.push_back({o / 2, o % 2 ? Half::H2 : Half::H1});
  return out;
}

std::map<std::string, std::int64_t> UsageLedger::totals_by_service() const {
  std::map<std::string, std::int64_t> totals;
  for (const auto& [key, lines] : lines_) {
    for (const Line& line : lines)
      totals[std::get<2>(key)] = checked_add(totals[std::get<2>(key)], line.quantity);
  }
  return totals;
}

namespace ledger_rules {

std::vector<std::string> lost_zero_forms(std::string_view id) {
  if (id.empty() || id.find_first_not_of("0123456789") != std::string_view::npos) return {};
  std::vector<std::string> forms;
  const std::size_t first = id.find_first_not_of('0');
  if (first == std::string_view::npos) return {};  // zeros alone are no code
  if (first != 0) forms.emplace_back(id.substr(first));
  if (id.size() < 6) forms.push_back(std::string(6 - id.size(), '0') + std::string(id));
  return forms;
}

std::string unknown_id(std::string_view id, const std::function<bool(std::string_view)>& is_known) {
  for (const std::string& form : lost_zero_forms(id)) {
    if (!is_known(form)) continue;
    return fmt::format(
        "id \"{}\" is not in the entities file, which has \"{}\": a leading zero was lost (Excel "
        "drops them from codes stored as numbers): format the id column as text in both files",
        id, form);
  }
  return fmt::format("id \"{}\" is not in the entities file: add the entity or correct the id", id);
}

std::string unknown_service(std::string_view service, const Tariff& tariff) {
  std::vector<std::string> keys;
  for (const Service& s : tariff.services) keys.push_back(s.key);
  return fmt::format("service \"{}\" is not in the tariff {}: write one of {}", service, tariff.id,
                     fmt::join(keys, ", "));
}

std::string price_problem(const Service& service, bool price_given, bool in_column) {
  if (service.unit_price && price_given) {
    return fmt::format("service {} has a price in the tariff ({} EUR): leave unit_price empty",
                       service.key, service.unit_price->to_string(2));
  }
  if (!service.unit_price && !price_given) {
    return fmt::format("service {} is priced per event: give its unit_price{}, e.g. 25.00",
                       service.key, in_column ? "" : " in a unit_price column");
  }
  return "";
}

std::string outside_membership(const Entity& entity, Period period) {
  const std::string why = citfee::outside_membership(entity.membership, period);
  return why.empty() ? why : fmt::format("id \"{}\": {}", entity.id, why);
}

std::string outside_membership(const Entity& entity, Date date) {
  const std::string why = citfee::outside_membership(entity.membership, date);
  return why.empty() ? why : fmt::format("id \"{}\": {}", entity.id, why);
}

}  // namespace ledger_rules

namespace {

Location field(const UsageRecord& r, int column) {
  return {r.where.file, r.where.line, column};
}

// Checks one record against the entities and the tariff; false if it is wrong.
// An unknown id is reported once per row, at the id.
bool check_record(const UsageRecord& r, const std::unordered_set<std::string>& known_ids,
                  const std::map<std::string, Membership>& memberships, const Tariff& tariff,
                  std::set<std::pair<std::string, int>>& unknown_rows, Diagnostics& diag) {
  if (!known_ids.count(r.entity_id)) {
    if (unknown_rows.insert({r.where.file, r.where.line}).second)
      diag.error(field(r, r.id_field),
                 ledger_rules::unknown_id(r.entity_id, [&](std::string_view form) {
                   return known_ids.count(std::string(form)) > 0;
                 }));
    return false;
  }
  if (auto m = memberships.find(r.entity_id); m != memberships.end()) {
    const std::string why = outside_membership(m->second, r.period);
    if (!why.empty()) {
      // Once per row, as an unknown id: a wide row holds several services.
      if (unknown_rows.insert({r.where.file, r.where.line}).second)
        diag.error(field(r, r.id_field), fmt::format("id \"{}\": {}", r.entity_id, why));
      return false;
    }
  }
  const Service* service = tariff.find_service(r.service);
  if (!service) {
    diag.error(field(r, r.service_field), ledger_rules::unknown_service(r.service, tariff));
    return false;
  }
  const std::string problem = ledger_rules::price_problem(*service, r.unit_price.has_value());
  if (!problem.empty()) diag.error(field(r, r.price_field), problem);
  return problem.empty();
}

}  // namespace

UsageLedger build_ledger(const std::vector<UsageRecord>& records,
                         const std::vector<Entity>& entities, const Tariff& tariff,
                         std::optional<Period> last, Diagnostics& diag, LedgerNotes& notes) {
  std::unordered_set<std::string> ids;
  std::map<std::string, Membership> memberships;
  for (const Entity& e : entities) {
    ids.insert(e.id);
    if (e.membership.joined || e.membership.left) memberships.emplace(e.id, e.membership);
  }
  return build_ledger(records, ids, tariff, last, diag, notes, memberships);
}

UsageLedger build_ledger(const std::vector<UsageRecord>& records,
                         const std::unordered_set<std::string>& known_ids, const Tariff& tariff,
                         std::optional<Period> last, Diagnostics& diag, LedgerNotes& notes,
                         const std::map<std::string, Membership>& memberships) {
  UsageLedger ledger;
  std::set<std::pair<std::string, int>> unknown_rows;
  for (const UsageRecord& r : records) {
    // The previous convention had other entities and services: not checked.
    if (r.period.year < tariff.convention_start) {
      notes.lines_before_convention[r.where.file].insert(r.where.line);
      continue;
    }
    if (!check_record(r, known_ids, memberships, tariff, unknown_rows, diag)) continue;
    if (last && *last < r.period) {
      ++notes.rows_after_period;
      continue;
    }
    try {
      ledger.add(r.entity_id, r.period, r.service, r.quantity, r.unit_price, r.description);
    } catch (const OverflowError&) {
      diag.error(r.where, "the quantities of this service add up to more than can be counted");
    }
  }
  return ledger;
}

MissingHistory missing_history(const UsageLedger& ledger, const Tariff& tariff, Period period) {
  MissingHistory missing;
  const std::vector<Period> periods = ledger.periods();
  if (!periods.empty() && periods.front() < period) return missing;
  const Period first{tariff.convention_start, Half::H1};
  for (const Service& s : tariff.services) {
    if (s.scope == AllowanceScope::kConvention && first < period)
      missing.convention.push_back(s.key);
    if (s.scope == AllowanceScope::kYear && period.half == Half::H2) missing.year.push_back(s.key);
  }
  return missing;
}

}  // namespace citfee
