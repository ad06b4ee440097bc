// The rules of one event row, shared by the streaming reader and the reader
// of a parsed table (internal to the events adapter).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "input/csv.hpp"
#include "input/events/events_reader.hpp"

namespace citfee::events {

// The columns of an events file, by what they hold; -1 when absent.
struct EventColumns {
  char delimiter = ',';  // a ';' file may write prices as 12,50
  int id = -1;
  int date = -1;
  int service = -1;
  int quantity = -1;
  int unit_price = -1;
  std::vector<int> nameless;  // no name in the header: their cells must be empty
};

// Reads the header of an events file (names trimmed and lower-cased, as
// parse_csv gives them). False, with the problems reported, when the file
// cannot be read as events.
bool event_columns(const CsvTable& header, EventColumns& columns, Diagnostics& diag);

// Problems of one file, kept up to a limit so that a log of millions of bad
// rows cannot fill the memory; the rest are counted.
struct Problems {
  Diagnostics diag;
  std::size_t limit = 1000;
  std::int64_t dropped = 0;

  void add(Location where, std::string message) {
    if (diag.errors.size() < limit) {
      diag.error(std::move(where), std::move(message));
    } else {
      ++dropped;
    }
  }
};

// The ordinal of the semester of a date written YYYY-MM-DD or DD/MM/YYYY, or
// -1 when it is not such a date (parse_date then says why). Hot: no throw.
[[gnu::always_inline]] inline int semester_of_date(std::string_view text) {
  if (text.size() != 10) return -1;
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const unsigned char* y;
  const unsigned char* m;
  const unsigned char* d;
  if (p[4] == '-' && p[7] == '-') {
    y = p, m = p + 5, d = p + 8;
  } else if (p[2] == '/' && p[5] == '/') {
    d = p, m = p + 3, y = p + 6;
  } else {
    return -1;
  }
  const unsigned y0 = y[0] - '0', y1 = y[1] - '0', y2 = y[2] - '0', y3 = y[3] - '0';
  const unsigned m0 = m[0] - '0', m1 = m[1] - '0', d0 = d[0] - '0', d1 = d[1] - '0';
  // Unsigned: a byte below '0' wraps to a large value, so one test per digit.
  if (y0 > 9 || y1 > 9 || y2 > 9 || y3 > 9 || m0 > 9 || m1 > 9 || d0 > 9 || d1 > 9) return -1;
  const int year = static_cast<int>(y0 * 1000 + y1 * 100 + y2 * 10 + y3);
  const int month = static_cast<int>(m0 * 10 + m1);
  const int day = static_cast<int>(d0 * 10 + d1);
  // Days 1-28 of months 1-12 exist in every year; the rest asks the calendar.
  const bool plain = year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= 28;
  if (!plain && !is_valid_date(year, month, day)) return -1;
  return year * 2 + (month > 6 ? 1 : 0);
}

// A quantity cell of 1 to 9 digits, or empty (1 unit); -1 for anything else
// (parse_count then says what is wrong, or reads it after all).
inline std::int64_t quick_quantity(std::string_view text) {
  if (text.empty()) return 1;
  if (text.size() > 9) return -1;
  std::int64_t value = 0;
  for (char c : text) {
    const unsigned digit = static_cast<unsigned char>(c) - static_cast<unsigned>('0');
    if (digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

// Checks event rows and counts them into a tally.
class EventRows {
 public:
  EventRows(const EventContext& context, const EventColumns& columns, const std::string& file,
            EventTally& tally, EventStats& stats, Problems& problems)
      : context_(context),
        columns_(columns),
        file_(file),
        tally_(tally),
        stats_(stats),
        problems_(problems),
        id_(columns.id),
        date_(columns.date),
        service_(columns.service),
        quantity_(columns.quantity),
        unit_price_(columns.unit_price),
        has_nameless_(!columns.nameless.empty()),
        first_(context.first_period()),
        last_(context.last_period()) {}

  // Takes one row that is not blank: `fields` has one value per column, as
  // the CSV reader gave it, each readable 16 bytes past its start (views into
  // the streaming reader's buffer). The common row (a known id and a priced
  // service in the periods counted, or a well-formed row outside them) is
  // counted here; anything else goes through every check, with messages.
  [[gnu::always_inline]] void take(const std::string_view* fields, int line) {
    ++stats_.rows;
    if (!take_plain(fields)) check_and_take(fields, line);
  }

  // The same, always through every check: the reference for take.
  void take_checked(const std::string_view* fields, int line) {
    ++stats_.rows;
    check_and_take(fields, line);
  }

 private:
  [[gnu::always_inline]] bool take_plain(const std::string_view* f) {
    const int period = semester_of_date(f[date_]);
    if (period < 0) return false;
    const std::int64_t quantity = quantity_ < 0 ? 1 : quick_quantity(f[quantity_]);
    if (quantity < 0) return false;
    if (unit_price_ >= 0 && !f[unit_price_].empty()) return false;
    if (has_nameless_) {
      for (int c : columns_.nameless) {
        if (!f[c].empty()) return false;
      }
    }
    const std::string_view id = f[id_];
    const std::string_view service = f[service_];
    if (period < first_ || period > last_) {
      // Ignored, once its id and service are known not to be blank.
      if (id.empty() || is_blank(id[0]) || service.empty() || is_blank(service[0])) return false;
      ++(period < first_ ? stats_.before_convention : stats_.after_period);
      return true;
    }
    const int entity = context_.find_entity_padded(id.data(), id.size());
    const int s = context_.find_service_padded(service.data(), service.size());
    if (entity < 0 || s < 0 || !context_.priced(static_cast<std::size_t>(s))) return false;
    if (context_.bounded(entity)) return false;  // its dates are checked against its membership
    if (quantity == 0) return true;
    try {
      tally_.add(static_cast<std::size_t>(entity), period, static_cast<std::size_t>(s), quantity);
    } catch (const OverflowError&) {
      return false;  // reported by check_and_take
    }
    return true;
  }

  // Every check, in order, each problem reported with its place; counts the
  // row when it has none.
  void check_and_take(const std::string_view* fields, int line);
  std::optional<Money> unit_price(std::string_view text, int line, bool& ok);
  void count(std::size_t entity, int period, std::size_t service, std::int64_t quantity,
             std::optional<Money> price, int line);

  static bool is_blank(char c) { return c == ' ' || c == '\t'; }

  Location at(int line, int column) const { return {file_, line, column + 1}; }

  const EventContext& context_;
  const EventColumns& columns_;
  const std::string& file_;
  EventTally& tally_;
  EventStats& stats_;
  Problems& problems_;
  // Copies of the above, for the hot path.
  const int id_, date_, service_, quantity_, unit_price_;
  const bool has_nameless_;
  const int first_, last_;
};

}  // namespace citfee::events
