// Amounts, numbers and dates written the Italian way.
#include <catch2/catch.hpp>

#include <limits>
#include <string>

#include "present/italian.hpp"

using namespace citfee;

namespace {

Money M(const char* text) {
  return Money::parse(text);
}

}  // namespace

TEST_CASE("whole numbers get a dot between thousands") {
  CHECK(italian_integer(0) == "0");
  CHECK(italian_integer(999) == "999");
  CHECK(italian_integer(1000) == "1.000");
  CHECK(italian_integer(7114) == "7.114");
  CHECK(italian_integer(196670) == "196.670");
  CHECK(italian_integer(1234567) == "1.234.567");
  CHECK(italian_integer(-1234) == "-1.234");
  CHECK(italian_integer(std::numeric_limits<std::int64_t>::min()) == "-9.223.372.036.854.775.808");
}

TEST_CASE("amounts have a decimal comma, two decimals at least, and the euro sign") {
  CHECK(italian_amount(M("1257")) == "1.257,00 €");
  CHECK(italian_amount(M("0")) == "0,00 €");
  CHECK(italian_amount(M("0.7")) == "0,70 €");
  CHECK(italian_amount(M("56")) == "56,00 €");
  CHECK(italian_amount(M("1989.30")) == "1.989,30 €");
  CHECK(italian_amount(M("1000000.5")) == "1.000.000,50 €");
  // Never rounded: an exact amount keeps every decimal it has.
  CHECK(italian_amount(M("875.175")) == "875,175 €");
  CHECK(italian_amount(M("1527.575")) == "1.527,575 €");
  CHECK(italian_amount(M("-0.175")) == "-0,175 €");
  CHECK(italian_amount(M("-1234.5")) == "-1.234,50 €");
}

TEST_CASE("decimals and signed differences") {
  CHECK(italian_decimal(M("0.175")) == "0,175");
  CHECK(italian_decimal(M("0.19")) == "0,19");
  CHECK(italian_decimal(M("12"), 0) == "12");
  CHECK(italian_signed_amount(M("0.05")) == "+0,05 €");
  CHECK(italian_signed_amount(M("0.425")) == "+0,425 €");
  CHECK(italian_signed_amount(M("-0.175")) == "-0,175 €");
  CHECK(italian_signed_amount(M("0")) == "0,00 €");
}

TEST_CASE("an amount read back without its dots is the exact value") {
  // Property: over a range of cents, dropping the thousands dots from the
  // Italian text gives Money's own exact text with a comma.
  for (std::int64_t cents = 0; cents < 200'000'000; cents += 99'991) {
    const Money m = Money::from_cents(cents);
    std::string text = italian_decimal(m);
    std::string undotted;
    for (char c : text) {
      if (c != '.') undotted += c;
    }
    REQUIRE(undotted == m.to_fixed(2, ','));
    // Dots only every three digits from the comma leftwards.
    const std::size_t comma = text.find(',');
    for (std::size_t i = 0; i < comma; ++i) {
      if (text[i] == '.') REQUIRE((comma - i) % 4 == 0);
    }
  }
}

TEST_CASE("dates in words and in digits") {
  CHECK(italian_date({2027, 3, 31}) == "31 marzo 2027");
  CHECK(italian_date({2026, 1, 1}) == "1 gennaio 2026");
  CHECK(italian_date({2026, 7, 31}) == "31 luglio 2026");
  CHECK(italian_numeric_date({2027, 3, 31}) == "31/03/2027");
  CHECK(italian_numeric_date({2027, 1, 5}) == "05/01/2027");
  const char* months[] = {"gennaio", "febbraio", "marzo",     "aprile",  "maggio",   "giugno",
                          "luglio",  "agosto",   "settembre", "ottobre", "novembre", "dicembre"};
  for (int m = 1; m <= 12; ++m) {
    CHECK(italian_date({2030, m, 10}) == std::string("10 ") + months[m - 1] + " 2030");
  }
}

TEST_CASE("semesters") {
  CHECK(italian_semester(Period::parse("2026-H1")) == "1° semestre 2026");
  CHECK(italian_semester(Period::parse("2026-H2")) == "2° semestre 2026");
  CHECK(italian_semester_months(Period::parse("2026-H1")) == "gennaio–giugno 2026");
  CHECK(italian_semester_months(Period::parse("2027-H2")) == "luglio–dicembre 2027");
}
