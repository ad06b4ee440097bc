// Numbers and dates as Excel stores them in a sheet, read exactly.
#include <catch2/catch.hpp>

#include "input/xlsx.hpp"

using citfee::excel_number_text;
using citfee::excel_serial_date;

TEST_CASE("whole numbers stay whole") {
  CHECK(excel_number_text("1579") == "1579");
  CHECK(excel_number_text("17001") == "17001");
  CHECK(excel_number_text("5010.0") == "5010");
  CHECK(excel_number_text("0") == "0");
  CHECK(excel_number_text("-0.0") == "0");
}

TEST_CASE("decimals keep their digits, exponents are moved into place") {
  CHECK(excel_number_text("0.19") == "0.19");
  CHECK(excel_number_text("1.5E-2") == "0.015");
  CHECK(excel_number_text("1.2345E+3") == "1234.5");
  CHECK(excel_number_text("2E3") == "2000");
  CHECK(excel_number_text("-12.50") == "-12.5");
}

TEST_CASE("the binary noise beyond 15 significant digits is what Excel does not show") {
  CHECK(excel_number_text("0.18999999999999997") == "0.19");
  CHECK(excel_number_text("0.19000000000000003") == "0.19");
  CHECK(excel_number_text("5010.0000000000009") == "5010");
  CHECK(excel_number_text("9.9999999999999998") == "10");
  CHECK(excel_number_text("123456789012345678") == "123456789012346000");
}

TEST_CASE("what is not a number is left as it is") {
  CHECK(excel_number_text("") == "");
  CHECK(excel_number_text("abc") == "abc");
  CHECK(excel_number_text("1.2.3") == "1.2.3");
  CHECK(excel_number_text("1E") == "1E");
  CHECK(excel_number_text("1E400") == "1E400");
}

TEST_CASE("serial day numbers of the 1900 system") {
  CHECK(excel_serial_date(46095) == "2026-03-14");
  CHECK(excel_serial_date(1) == "1900-01-01");
  CHECK(excel_serial_date(59) == "1900-02-28");
  CHECK(excel_serial_date(61) == "1900-03-01");
  CHECK(excel_serial_date(45292) == "2024-01-01");
  CHECK(excel_serial_date(50041) == "2037-01-01");
}

TEST_CASE("serial day numbers around Excel's 29 February 1900, and later leap days") {
  // Excel counts a 29 February 1900 that never was: day 60. The days before
  // it are one off from the days after; day 60 itself reads as 1 March.
  CHECK(excel_serial_date(0) == "1899-12-31");
  CHECK(excel_serial_date(31) == "1900-01-31");
  CHECK(excel_serial_date(32) == "1900-02-01");
  CHECK(excel_serial_date(59) == "1900-02-28");
  CHECK(excel_serial_date(60) == "1900-03-01");
  CHECK(excel_serial_date(61) == "1900-03-01");
  CHECK(excel_serial_date(366) == "1900-12-31");
  CHECK(excel_serial_date(367) == "1901-01-01");
  CHECK(excel_serial_date(36585) == "2000-02-29");
  CHECK(excel_serial_date(43890) == "2020-02-29");
  CHECK(excel_serial_date(45351) == "2024-02-29");
  CHECK(excel_serial_date(45352) == "2024-03-01");
  CHECK(excel_serial_date(2958465) == "9999-12-31");
}
