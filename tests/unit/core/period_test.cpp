// Dates and billing semesters.
#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "core/error.hpp"
#include "core/period.hpp"

using namespace citfee;

TEST_CASE("Period::parse", "[period]") {
  CHECK(Period::parse("2026-H1") == Period{2026, Half::H1});
  CHECK(Period::parse("2026-H2") == Period{2026, Half::H2});
  CHECK(Period::parse("2026-h2") == Period{2026, Half::H2});
  CHECK(Period::parse("2026-h1").half == Half::H1);
  CHECK(Period::parse("2027-H1").year == 2027);
  for (const char* bad : {"2026-H3", "2026-H0", "2026H1", "2026-1", "26-H1", "2026-H1 ", " 2026-H1",
                          "2026-H12", "2026_H1", "2026-S1", "", "H1", "abcd-H1", "2026-HH"}) {
    INFO("\"" << bad << "\"");
    CHECK_THROWS_AS(Period::parse(bad), ValueError);
  }
  CHECK_THROWS_WITH(Period::parse("2026-H3"), Catch::Matchers::Contains("2026-H1"));
}

TEST_CASE("Period text round-trips", "[period]") {
  CHECK(Period{2026, Half::H1}.str() == "2026-H1");
  CHECK(Period{2026, Half::H2}.str() == "2026-H2");
  for (int year = 1990; year <= 2100; ++year) {
    for (Half half : {Half::H1, Half::H2}) {
      Period p{year, half};
      CHECK(Period::parse(p.str()) == p);
    }
  }
}

TEST_CASE("Period::containing a date", "[period]") {
  CHECK(Period::containing({2026, 1, 1}) == Period{2026, Half::H1});
  CHECK(Period::containing({2026, 6, 30}) == Period{2026, Half::H1});
  CHECK(Period::containing({2026, 7, 1}) == Period{2026, Half::H2});
  CHECK(Period::containing({2026, 12, 31}) == Period{2026, Half::H2});
  CHECK(Period::containing(parse_date("15/03/2027")) == Period::parse("2027-H1"));
  for (int month = 1; month <= 12; ++month) {
    INFO(month);
    CHECK(Period::containing({2026, month, 15}).half == (month <= 6 ? Half::H1 : Half::H2));
  }
}

TEST_CASE("periods are ordered in time", "[period]") {
  const Period a = Period::parse("2025-H2");
  const Period b = Period::parse("2026-H1");
  const Period c = Period::parse("2026-H2");
  CHECK(a < b);
  CHECK(b < c);
  CHECK(a < c);
  CHECK(c > a);
  CHECK(b <= b);
  CHECK_FALSE(b < b);
  CHECK(b != c);
  CHECK(b.next() == c);
  CHECK(c.previous() == b);
  CHECK(b.previous() == a);
  CHECK(a.next() == b);
  CHECK(c.next() == Period::parse("2027-H1"));
  // ordinal() counts semesters: consecutive periods differ by one.
  Period p = Period::parse("2020-H1");
  for (int i = 0; i < 40; ++i) {
    const Period n = p.next();
    CHECK(n.ordinal() == p.ordinal() + 1);
    CHECK(n.previous() == p);
    CHECK(p < n);
    p = n;
  }
  CHECK(p == Period::parse("2040-H1"));
}

TEST_CASE("parse_date: ISO and Italian forms", "[period][date]") {
  const Date d = parse_date("2026-03-31");
  CHECK(d.year == 2026);
  CHECK(d.month == 3);
  CHECK(d.day == 31);
  CHECK(parse_date("31/03/2026") == d);
  CHECK(parse_date("01/07/2026") == Date{2026, 7, 1});  // day first
  CHECK(d.iso() == "2026-03-31");
  CHECK(Date{2027, 1, 5}.iso() == "2027-01-05");
  CHECK(parse_date("2028-02-29") == Date{2028, 2, 29});
  CHECK(parse_date("29/02/2028") == Date{2028, 2, 29});
  CHECK(parse_date("2000-02-29") == Date{2000, 2, 29});
  for (const char* bad :
       {"2026-02-29", "29/02/2026", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10",
        "2026-01-00", "2026-3-31", "31-03-2026", "03/31/2026", "2026/03/31", "", "2026-03-31T00:00",
        " 2026-03-31", "2026-03-3a", "31.03.2026"}) {
    INFO("\"" << bad << "\"");
    CHECK_THROWS_AS(parse_date(bad), ValueError);
  }
}

TEST_CASE("parse_date: single-digit day and month, as spreadsheets export", "[period][date]") {
  CHECK(parse_date("14/3/2026") == Date{2026, 3, 14});
  CHECK(parse_date("1/7/2026") == Date{2026, 7, 1});
  CHECK(parse_date("01/7/2026") == Date{2026, 7, 1});
  for (const char* bad : {"1/7/26", "/7/2026", "1//2026", "123/7/2026", "1/7/2026/", "1/ 7/2026"}) {
    INFO("\"" << bad << "\"");
    CHECK_THROWS_AS(parse_date(bad), ValueError);
  }
}

TEST_CASE("parse_date_time: the day of an export's timestamp", "[period][date]") {
  const Date d{2026, 3, 14};
  for (const char* good :
       {"2026-03-14", "14/03/2026", "14/3/2026", "14/03/2026 10:22", "14/03/2026 9:05",
        "2026-03-14T10:22:00", "2026-03-14 10:22:00", "2026-03-14T10:22:00Z",
        "2026-03-14T10:22:00.123", "2026-03-14T23:59:59+01:00", "2026-03-14 00:00:00,5",
        "14/03/2026  10:22"}) {
    INFO("\"" << good << "\"");
    CHECK(parse_date_time(good) == d);
  }
  // The day written is the day: 30 June late at night stays in the first half.
  CHECK(Period::containing(parse_date_time("2026-06-30T23:30:00-05:00")) ==
        Period::parse("2026-H1"));
  for (const char* bad : {"2026-03-14T", "2026-03-14 25:00", "2026-03-14 10:60", "2026-03-14 10",
                          "14/03/2026 ore 10", "2026-03-14T10:22:00+1", "2026-03-14T10:22:00.",
                          "2026-02-30 10:00", "2026-03-14T10:22Zx"}) {
    INFO("\"" << bad << "\"");
    CHECK_THROWS_AS(parse_date_time(bad), ValueError);
  }
}

TEST_CASE("dates are ordered", "[period][date]") {
  CHECK(Date{2026, 3, 31} < Date{2026, 4, 1});
  CHECK(Date{2026, 12, 31} < Date{2027, 1, 1});
  CHECK(Date{2026, 1, 31} < Date{2026, 2, 1});
  CHECK(Date{2026, 3, 31} == parse_date("31/03/2026"));
}

TEST_CASE("is_valid_date agrees with std::chrono on four centuries", "[period][date][property]") {
  int wrong = 0;
  std::string first;
  for (int y = 1600; y <= 2400; ++y) {
    for (int m = 0; m <= 13; ++m) {
      for (int d = 0; d <= 32; ++d) {
        const bool expected =
            m >= 1 && m <= 12 && d >= 1 &&
            std::chrono::year_month_day{std::chrono::year{y},
                                        std::chrono::month{static_cast<unsigned>(m)},
                                        std::chrono::day{static_cast<unsigned>(d)}}
                .ok();
        if (is_valid_date(y, m, d) != expected && wrong++ == 0) {
          first = std::to_string(y) + "-" + std::to_string(m) + "-" + std::to_string(d);
        }
      }
    }
  }
  INFO("first disagreement: " << first);
  CHECK(wrong == 0);
  CHECK_FALSE(is_valid_date(0, 1, 1));
  CHECK_FALSE(is_valid_date(10000, 1, 1));
}

TEST_CASE("leap years: every fourth, not the centuries, but every fourth century",
          "[period][date]") {
  CHECK(is_valid_date(2024, 2, 29));
  CHECK(is_valid_date(2000, 2, 29));
  CHECK_FALSE(is_valid_date(2026, 2, 29));
  CHECK_FALSE(is_valid_date(1900, 2, 29));
  CHECK_FALSE(is_valid_date(2100, 2, 29));
  CHECK_FALSE(is_valid_date(2024, 2, 30));
  CHECK(last_day_of_month(2024, 2) == Date{2024, 2, 29});
  CHECK(last_day_of_month(2000, 2) == Date{2000, 2, 29});
  CHECK(last_day_of_month(1900, 2) == Date{1900, 2, 28});
  CHECK(last_day_of_month(2026, 2) == Date{2026, 2, 28});
}

TEST_CASE("month ends: the last day of each month, and the semesters'", "[period][date]") {
  const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  for (int m = 1; m <= 12; ++m) {
    CHECK(last_day_of_month(2027, m) == Date{2027, m, days[m - 1]});
    CHECK(is_valid_date(2027, m, days[m - 1]));
    CHECK_FALSE(is_valid_date(2027, m, days[m - 1] + 1));
  }
  CHECK(Period{2028, Half::H1}.last_day() == Date{2028, 6, 30});
  CHECK(Period{2028, Half::H2}.last_day() == Date{2028, 12, 31});
}

TEST_CASE("add_days crosses month ends, year ends and leap days", "[period][date]") {
  CHECK(add_days({2026, 1, 31}, 1) == Date{2026, 2, 1});
  CHECK(add_days({2026, 2, 28}, 1) == Date{2026, 3, 1});
  CHECK(add_days({2028, 2, 28}, 1) == Date{2028, 2, 29});
  CHECK(add_days({2028, 2, 29}, 1) == Date{2028, 3, 1});
  CHECK(add_days({2026, 12, 31}, 1) == Date{2027, 1, 1});
  CHECK(add_days({2027, 1, 1}, -1) == Date{2026, 12, 31});
  CHECK(add_days({2028, 3, 1}, -1) == Date{2028, 2, 29});
  CHECK(add_days({2026, 1, 15}, 30) == Date{2026, 2, 14});
  CHECK(add_days({2024, 1, 1}, 366) == Date{2025, 1, 1});
  CHECK(add_days({2100, 2, 28}, 1) == Date{2100, 3, 1});
  CHECK(days_since_epoch({1970, 1, 1}) == 0);
  CHECK(days_since_epoch({1969, 12, 31}) == -1);
  CHECK(days_since_epoch({2000, 3, 1}) - days_since_epoch({2000, 2, 28}) == 2);
  CHECK(days_since_epoch({1900, 3, 1}) - days_since_epoch({1900, 2, 28}) == 1);
}

TEST_CASE("day numbers walk the calendar one day at a time", "[period][date][property]") {
  // Each day number's date is the day after the one before, by a table of
  // month lengths of its own, from 1 January 1600 to 31 December 2400.
  const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const auto leap = [](int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; };
  Date expected{1600, 1, 1};
  long n = days_since_epoch(expected);
  int wrong = 0;
  std::string first;
  while (expected.year <= 2400) {
    const Date got = date_from_days(n);
    if ((got != expected || days_since_epoch(got) != n) && wrong++ == 0) first = expected.iso();
    const int last = days[expected.month - 1] + (expected.month == 2 && leap(expected.year));
    if (expected.day < last) {
      ++expected.day;
    } else if (expected.month < 12) {
      expected = {expected.year, expected.month + 1, 1};
    } else {
      expected = {expected.year + 1, 1, 1};
    }
    ++n;
  }
  INFO("first disagreement: " << first);
  CHECK(wrong == 0);
}

TEST_CASE("the day of the week, ISO numbered", "[period][date]") {
  CHECK(iso_weekday({1970, 1, 1}) == 4);   // a Thursday
  CHECK(iso_weekday({2026, 12, 7}) == 1);  // a Monday
  CHECK(iso_weekday({2024, 2, 29}) == 4);  // a Thursday
  CHECK(iso_weekday({2027, 1, 3}) == 7);   // a Sunday
  CHECK(iso_weekday({1900, 3, 1}) == 4);   // a Thursday
}
