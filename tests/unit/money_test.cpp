#include <catch2/catch.hpp>

#include "citfee/money.hpp"

using citfee::Money;

TEST_CASE("money parses decimals exactly") {
  CHECK(Money::parse("0.175").micros() == 175000);
  CHECK(Money::parse("70").micros() == 70000000);
}
