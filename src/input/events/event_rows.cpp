#include "input/events/event_rows.hpp"

#include <algorithm>
#include <limits>

#include <fmt/format.h>

#include "core/count.hpp"
#include "input/header.hpp"

namespace citfee {

namespace {

constexpr std::string_view kExample = "id,date,service,quantity,unit_price";

}  // namespace

ShortKeyTable::ShortKeyTable(std::size_t keys) {
  std::size_t size = 16;
  shift_ = 64 - 4;
  while (size < keys * 2) {  // at most half full: short probes
    size *= 2;
    --shift_;
  }
  slots_.resize(size);
  mask_ = size - 1;
}

void ShortKeyTable::insert(const ShortKey& key, int index) {
  std::size_t slot = key.hash() >> shift_;
  while (slots_[slot].index >= 0) slot = (slot + 1) & mask_;
  slots_[slot] = {key, index};
}

EventContext::EventContext(const std::vector<Entity>& entities, const Tariff& tariff,
                           std::optional<Period> last)
    : entities_(&entities),
      tariff_(&tariff),
      entity_keys_(entities.size()),
      service_keys_(tariff.services.size()),
      first_(Period{tariff.convention_start, Half::H1}.ordinal()),
      last_(last ? last->ordinal() : std::numeric_limits<int>::max()) {
  for (std::size_t i = 0; i < entities.size(); ++i) {
    const std::string& id = entities[i].id;
    by_id_.emplace(id, static_cast<int>(i));
    if (id.size() <= ShortKey::kMax) entity_keys_.insert(ShortKey::of(id), static_cast<int>(i));
    const Membership& m = entities[i].membership;
    bounded_.push_back(m.joined || m.left);
  }
  for (std::size_t i = 0; i < tariff.services.size(); ++i) {
    const Service& s = tariff.services[i];
    // A longer key is left to find_service, on the slow path.
    if (s.key.size() <= ShortKey::kMax)
      service_keys_.insert(ShortKey::of(s.key), static_cast<int>(i));
    priced_.push_back(s.unit_price.has_value());
  }
}

int EventContext::find_entity(std::string_view id) const {
  const auto it = by_id_.find(id);
  return it == by_id_.end() ? -1 : it->second;
}

int EventContext::find_service(std::string_view key) const {
  const std::vector<Service>& services = tariff_->services;
  for (std::size_t i = 0; i < services.size(); ++i) {
    if (services[i].key == key) return static_cast<int>(i);
  }
  return -1;
}

EventTally EventContext::new_tally() const {
  return EventTally(entities_->size(), tariff_->services.size(),
                    Period{tariff_->convention_start, Half::H1});
}

void EventStats::add(const EventStats& other) {
  rows += other.rows;
  before_convention += other.before_convention;
  after_period += other.after_period;
}

namespace events {

bool event_columns(const CsvTable& t, EventColumns& columns, Diagnostics& diag) {
  // The header as messages show it: without the nameless columns at its end
  // that spreadsheets add (parse_csv drops them when they are empty; a
  // streaming reader cannot know yet).
  CsvTable named;
  named.file = t.file;
  named.header_line = t.header_line;
  named.header = t.header;
  while (!named.header.empty() && named.header.back().empty()) named.header.pop_back();
  if (named.header.empty()) {
    check_header(named, {"id", "date", "service"}, kExample, diag);  // says the file is empty
    return false;
  }
  bool ok = check_header(named, {"id", "date", "service"}, kExample, diag);
  for (std::size_t i = 0; i < t.header.size(); ++i) {
    const std::string& name = t.header[i];
    if (name == "id" || name == "date" || name == "service" || name == "quantity" ||
        name == "unit_price" || name == "name") {
      continue;
    }
    if (name.empty()) {
      columns.nameless.push_back(static_cast<int>(i));
      continue;
    }
    const Location where{t.file, t.header_line, static_cast<int>(i + 1)};
    if (name == "period") {
      diag.error(
          where,
          fmt::format("column \"period\" belongs to a usage file (given with --usage); an events "
                      "file dates each event: {}",
                      kExample));
    } else {
      diag.error(
          where,
          fmt::format("column \"{}\" is not known: the columns are id, date, service, quantity, "
                      "unit_price (and name)",
                      name));
    }
    ok = false;
  }
  columns.delimiter = t.delimiter;
  columns.id = t.column("id");
  columns.date = t.column("date");
  columns.service = t.column("service");
  columns.quantity = t.column("quantity");
  columns.unit_price = t.column("unit_price");
  return ok;
}

std::optional<Money> EventRows::unit_price(std::string_view text, int line, bool& ok) {
  if (text.empty()) return std::nullopt;
  try {
    // A semicolon file from an Italian spreadsheet writes 12,50.
    const char mark =
        columns_.delimiter == ';' && text.find(',') != std::string_view::npos ? ',' : '.';
    const Money price = Money::parse(text, mark);
    if (price.is_negative())
      throw ValueError("unit_price \"" + std::string(text) + "\" is negative");
    return price;
  } catch (const ValueError& e) {
    problems_.add(at(line, columns_.unit_price), fmt::format("unit_price: {}", e.what()));
    ok = false;
    return std::nullopt;
  }
}

void EventRows::check_and_take(const std::string_view* f, int line) {
  bool ok = true;
  const std::string_view id = trimmed(f[columns_.id]);
  if (id.empty()) {
    problems_.add(at(line, columns_.id),
                  "id is empty: write the id of the entity, as in the entities file");
    ok = false;
  }
  int period = -1;
  Date day;
  const std::string_view date = trimmed(f[columns_.date]);
  if (date.empty()) {
    problems_.add(at(line, columns_.date),
                  "date is empty: write the day of the event, e.g. 2026-03-14 or 14/03/2026");
    ok = false;
  } else {
    try {
      day = parse_date_time(date);
      period = Period::containing(day).ordinal();
    } catch (const ValueError& e) {
      problems_.add(at(line, columns_.date), fmt::format("date {}", e.what()));
      ok = false;
    }
  }
  std::string service(trimmed(f[columns_.service]));
  for (char& c : service) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (service.empty()) {
    problems_.add(at(line, columns_.service),
                  "service is empty: write a service key, e.g. telemaco");
    ok = false;
  }
  std::int64_t quantity = 1;  // an event is one unit unless it says otherwise
  if (columns_.quantity >= 0 && !trimmed(f[columns_.quantity]).empty()) {
    try {
      quantity = parse_count(trimmed(f[columns_.quantity]), "quantity", true, kMaxQuantity);
    } catch (const ValueError& e) {
      problems_.add(at(line, columns_.quantity), e.what());
      ok = false;
    }
  }
  const std::optional<Money> price = columns_.unit_price >= 0
                                         ? unit_price(trimmed(f[columns_.unit_price]), line, ok)
                                         : std::nullopt;
  for (int c : columns_.nameless) {
    if (f[c].empty()) continue;
    problems_.add(at(line, c),
                  "this column has no name in the header but holds a value: name it or delete it");
    ok = false;
  }
  if (!ok) return;
  if (period < context_.first_period()) {
    ++stats_.before_convention;
    return;
  }
  if (period > context_.last_period()) {
    ++stats_.after_period;
    return;
  }
  const int entity = context_.find_entity(id);
  if (entity < 0) {
    problems_.add(at(line, columns_.id), ledger_rules::unknown_id(id, [&](std::string_view form) {
                    return context_.find_entity(form) >= 0;
                  }));
    ok = false;
  } else if (context_.bounded(entity)) {
    const std::string why = ledger_rules::outside_membership(
        context_.entities()[static_cast<std::size_t>(entity)], day);
    if (!why.empty()) {
      problems_.add(at(line, columns_.date), why);
      ok = false;
    }
  }
  const Tariff& tariff = context_.tariff();
  const int s = context_.find_service(service);
  if (s < 0) {
    problems_.add(at(line, columns_.service), ledger_rules::unknown_service(service, tariff));
    return;
  }
  const Service& sv = tariff.services[static_cast<std::size_t>(s)];
  const bool has_column = columns_.unit_price >= 0;
  const std::string problem = ledger_rules::price_problem(sv, price.has_value(), has_column);
  if (!problem.empty()) {
    problems_.add(at(line, has_column ? columns_.unit_price : columns_.service), problem);
    return;
  }
  if (ok)
    count(static_cast<std::size_t>(entity), period, static_cast<std::size_t>(s), quantity, price,
          line);
}

void EventRows::count(std::size_t entity, int period, std::size_t service, std::int64_t quantity,
                      std::optional<Money> price, int line) {
  if (quantity == 0) return;
  try {
    if (price) {
      tally_.add_priced(entity, period, service, *price, quantity);
    } else {
      tally_.add(entity, period, service, quantity);
    }
  } catch (const OverflowError&) {
    problems_.add(at(line, columns_.quantity >= 0 ? columns_.quantity : columns_.service),
                  "the quantities of this service add up to more than can be counted");
  }
}

}  // namespace events

bool read_events_table(const CsvTable& table, const EventContext& context, EventTally& tally,
                       EventStats& stats, Diagnostics& diag) {
  events::EventColumns columns;
  if (!events::event_columns(table, columns, diag)) return false;
  events::Problems problems;
  problems.limit = SIZE_MAX;
  events::EventRows rows(context, columns, table.file, tally, stats, problems);
  std::vector<std::string_view> fields;
  for (const CsvRow& row : table.rows) {
    fields.assign(row.fields.begin(), row.fields.end());
    rows.take_checked(fields.data(), row.line);
  }
  for (Diagnostic& d : problems.diag.errors) diag.errors.push_back(std::move(d));
  return true;
}

}  // namespace citfee
