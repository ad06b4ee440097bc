#include "core/period.hpp"

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

bool is_leap(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

}  // namespace

std::string Date::iso() const {
  return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

bool is_valid_date(int year, int month, int day) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  int last = kDays[month - 1] + (month == 2 && is_leap(year) ? 1 : 0);
  return day <= last;
}

Date parse_date(std::string_view text) {
  const std::string shown = "\"" + std::string(text) + "\"";
  Date d;
  if (text.size() == 10 && text[4] == '-' && text[7] == '-' && all_digits(text.substr(0, 4)) &&
      all_digits(text.substr(5, 2)) && all_digits(text.substr(8, 2))) {
    d = {to_int(text.substr(0, 4)), to_int(text.substr(5, 2)), to_int(text.substr(8, 2))};
  } else if (text.size() == 10 && text[2] == '/' && text[5] == '/' &&
             all_digits(text.substr(0, 2)) && all_digits(text.substr(3, 2)) &&
             all_digits(text.substr(6, 4))) {
    d = {to_int(text.substr(6, 4)), to_int(text.substr(3, 2)), to_int(text.substr(0, 2))};
  } else {
    throw ValueError(shown + " is not a date (write YYYY-MM-DD or DD/MM/YYYY)");
  }
  if (!is_valid_date(d.year, d.month, d.day)) {
    throw ValueError(shown + " is not a day of the calendar");
  }
  return d;
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

Period Period::previous() const {
  return half == Half::H2 ? Period{year, Half::H1} : Period{year - 1, Half::H2};
}

Period Period::next() const {
  return half == Half::H1 ? Period{year, Half::H2} : Period{year + 1, Half::H1};
}

}  // namespace citfee
