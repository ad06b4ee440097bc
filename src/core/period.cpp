#include "core/period.hpp"

#include <chrono>

#include <fmt/format.h>

#include "core/error.hpp"

namespace citfee {

namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) {
    v = v * 10 + (c - '0');
  }
  return v;
}

// The calendar of <chrono>, the one of the whole program: no day arithmetic
// of its own.
std::chrono::year_month_day civil(const Date& date) {
  return {std::chrono::year{date.year}, std::chrono::month{static_cast<unsigned>(date.month)},
          std::chrono::day{static_cast<unsigned>(date.day)}};
}

Date date_of(const std::chrono::year_month_day& ymd) {
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

}  // namespace

std::string Date::iso() const {
  return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

bool is_valid_date(int year, int month, int day) {
  // Bounds first: chrono's month and day are unsigned and would wrap.
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return false;
  return civil({year, month, day}).ok();
}

Date last_day_of_month(int year, int month) {
  const std::chrono::month_day_last last{std::chrono::month{static_cast<unsigned>(month)}};
  return date_of(
      std::chrono::year_month_day{std::chrono::year_month_day_last{std::chrono::year{year}, last}});
}

int iso_weekday(const Date& date) {
  return static_cast<int>(std::chrono::weekday{std::chrono::sys_days{civil(date)}}.iso_encoding());
}

long days_since_epoch(const Date& date) {
  return std::chrono::sys_days{civil(date)}.time_since_epoch().count();
}

Date date_from_days(long days) {
  return date_of(std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{days}}});
}

Date add_days(const Date& date, long days) {
  return date_of(
      std::chrono::year_month_day{std::chrono::sys_days{civil(date)} + std::chrono::days{days}});
}

Date parse_date(std::string_view text) {
  const std::string shown = "\"" + std::string(text) + "\"";
  Date d;
  std::string_view day, month, year;
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    year = text.substr(0, 4), month = text.substr(5, 2), day = text.substr(8, 2);
  } else if (const std::size_t first = text.find('/'), last = text.rfind('/');
             first != std::string_view::npos && last != first) {
    // 14/03/2026, and 14/3/2026 as spreadsheets export it.
    day = text.substr(0, first), month = text.substr(first + 1, last - first - 1);
    year = text.substr(last + 1);
  }
  if (!all_digits(year) || year.size() != 4 || !all_digits(month) || month.size() > 2 ||
      !all_digits(day) || day.size() > 2) {
    throw ValueError(shown + " is not a date (write YYYY-MM-DD or DD/MM/YYYY)");
  }
  d = {to_int(year), to_int(month), to_int(day)};
  if (!is_valid_date(d.year, d.month, d.day)) {
    throw ValueError(shown + " is not a day of the calendar");
  }
  return d;
}

namespace {

// Two digits from 00 to `max` at `s[at]`.
bool two_digits_upto(std::string_view s, std::size_t at, int max) {
  return at + 2 <= s.size() && all_digits(s.substr(at, 2)) && to_int(s.substr(at, 2)) <= max;
}

// A time of day as exports write it: H:MM or HH:MM, then :SS, a fraction,
// and Z or an offset (+01:00), each optional.
bool is_time_of_day(std::string_view t) {
  std::size_t i = t.size() > 1 && t[1] == ':' ? 1 : 2;
  if (i > t.size() || !all_digits(t.substr(0, i)) || to_int(t.substr(0, i)) > 23) return false;
  if (i >= t.size() || t[i] != ':' || !two_digits_upto(t, i + 1, 59)) return false;
  i += 3;
  if (i < t.size() && t[i] == ':') {
    if (!two_digits_upto(t, i + 1, 60)) return false;
    i += 3;
    if (i < t.size() && (t[i] == '.' || t[i] == ',')) {
      ++i;
      const std::size_t start = i;
      while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
      if (i == start) return false;
    }
  }
  if (i < t.size() && t[i] == 'Z') return i + 1 == t.size();
  if (i < t.size() && (t[i] == '+' || t[i] == '-'))
    return i + 6 == t.size() && two_digits_upto(t, i + 1, 23) && t[i + 3] == ':' &&
           two_digits_upto(t, i + 4, 59);
  return i == t.size();
}

}  // namespace

Date parse_date_time(std::string_view text) {
  const std::size_t gap = text.find_first_of(" T");
  if (gap == std::string_view::npos) return parse_date(text);
  std::string_view time = text.substr(gap + 1);
  while (!time.empty() && time.front() == ' ') time.remove_prefix(1);
  if (!is_time_of_day(time)) {
    throw ValueError("\"" + std::string(text) +
                     "\" is not a date (write YYYY-MM-DD or DD/MM/YYYY, a time of day may "
                     "follow: 14/03/2026 10:22)");
  }
  return parse_date(text.substr(0, gap));
}

Period Period::parse(std::string_view text) {
  if (text.size() == 7 && all_digits(text.substr(0, 4)) && text[4] == '-' &&
      (text[5] == 'H' || text[5] == 'h') && (text[6] == '1' || text[6] == '2')) {
    int year = to_int(text.substr(0, 4));
    if (year >= 1900) {
      return {year, text[6] == '1' ? Half::H1 : Half::H2};
    }
  }
  throw ValueError("period \"" + std::string(text) +
                   "\" is not a semester (write 2026-H1 or 2026-H2)");
}

Period Period::containing(const Date& date) {
  return {date.year, date.month <= 6 ? Half::H1 : Half::H2};
}

std::string Period::str() const {
  return fmt::format("{:04}-H{}", year, half == Half::H1 ? 1 : 2);
}

Date Period::last_day() const {
  return last_day_of_month(year, half == Half::H1 ? 6 : 12);
}

Period Period::previous() const {
  return half == Half::H2 ? Period{year, Half::H1} : Period{year - 1, Half::H2};
}

Period Period::next() const {
  return half == Half::H1 ? Period{year, Half::H2} : Period{year + 1, Half::H1};
}

}  // namespace citfee
