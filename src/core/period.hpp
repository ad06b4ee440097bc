// Calendar dates and billing semesters.
#pragma once

#include <compare>
#include <string>
#include <string_view>

namespace citfee {

struct Date {
  int year = 0;
  int month = 0;
  int day = 0;

  std::string iso() const;  // 2027-03-31
  auto operator<=>(const Date&) const = default;
};

// Parses 2026-03-31, 31/03/2026 or 31/3/2026. Throws ValueError.
Date parse_date(std::string_view text);

// The day of a date that a time of day may follow, as exports write events:
// "14/03/2026 10:22", "2026-03-14T10:22:00", "2026-03-14 10:22:00.123+01:00".
// The day is the one written; the time is checked, then left. Throws ValueError.
Date parse_date_time(std::string_view text);
// All of these count in the Gregorian calendar of <chrono>, the one calendar
// of the program (the Excel serial days of workbooks too).
bool is_valid_date(int year, int month, int day);
// The last day of a month: 28 or 29 February as the year is a leap one.
Date last_day_of_month(int year, int month);
// The day of the week, ISO numbered: 1 Monday to 7 Sunday.
int iso_weekday(const Date& date);
// Days since 1970-01-01 (negative before), and back: for dates a count of
// days away, and the days between two dates.
long days_since_epoch(const Date& date);
Date date_from_days(long days);
Date add_days(const Date& date, long days);

// A month and day of a year, as a tariff gives a due date.
struct MonthDay {
  int month = 0;
  int day = 0;
};

enum class Half { H1 = 1, H2 = 2 };

// A billing semester: H1 is January–June, H2 is July–December.
struct Period {
  int year = 0;
  Half half = Half::H1;

  // 2026-H1. Case-insensitive on the H. Throws ValueError.
  static Period parse(std::string_view text);
  static Period containing(const Date& date);

  std::string str() const;  // 2026-H1
  // A number that orders periods in time: two per year.
  int ordinal() const { return year * 2 + (half == Half::H2 ? 1 : 0); }
  Date last_day() const;  // 30 June or 31 December
  Period previous() const;
  Period next() const;

  bool operator==(const Period& o) const { return ordinal() == o.ordinal(); }
  auto operator<=>(const Period& o) const { return ordinal() <=> o.ordinal(); }
};

}  // namespace citfee
