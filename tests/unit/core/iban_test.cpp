// IBAN check digits (ISO 13616, mod 97).
#include <catch2/catch.hpp>

#include <string>

#include "core/error.hpp"
#include "core/iban.hpp"

using namespace citfee;

namespace {

// Published examples of valid IBANs (the Italian one from the banks' own
// documentation, the others from the ISO 13616 registry).
const char* kValid[] = {
    "IT60X0542811101000000123456", "GB82WEST12345698765432",      "DE89370400440532013000",
    "CH9300762011623852957",       "FR1420041010050500013M02606",
};

std::string message_of(const std::string& iban) {
  try {
    check_iban(iban);
  } catch (const ValueError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("valid IBANs pass") {
  for (const char* iban : kValid) {
    INFO(iban);
    CHECK(iban_remainder(iban) == 1);
    CHECK_NOTHROW(check_iban(iban));
  }
}

TEST_CASE("blanks and small letters are tidied before checking") {
  CHECK(compact_iban("it60 x054 2811 1010 0000 0123 456") == "IT60X0542811101000000123456");
  CHECK_NOTHROW(check_iban(compact_iban("IT60 X054 2811 1010 0000 0123 456")));
}

TEST_CASE("the check digits are 98 minus the remainder with 00 in their place") {
  // The standard's way of computing check digits, as a check of the remainder.
  for (const char* iban : kValid) {
    std::string zeroed = iban;
    zeroed[2] = '0';
    zeroed[3] = '0';
    const int digits = 98 - iban_remainder(zeroed);
    CHECK(digits == std::stoi(std::string(iban).substr(2, 2)));
  }
}

TEST_CASE("every mistyped character and every swap of neighbours is caught") {
  const std::string valid = "IT60X0542811101000000123456";
  const std::string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  for (std::size_t i = 4; i < valid.size(); ++i) {
    for (char c : alphabet) {
      if (c == valid[i]) continue;
      std::string typo = valid;
      typo[i] = c;
      // A digit mistyped as a digit, or a letter as a letter: mod 97 catches both.
      const bool same_kind = (c <= '9') == (valid[i] <= '9');
      if (same_kind) REQUIRE(iban_remainder(typo) != 1);
    }
    const bool digits = i + 1 < valid.size() && valid[i] <= '9' && valid[i + 1] <= '9';
    if (digits && valid[i] != valid[i + 1]) {
      std::string swapped = valid;
      std::swap(swapped[i], swapped[i + 1]);
      REQUIRE(iban_remainder(swapped) != 1);
    }
  }
}

TEST_CASE("a wrong IBAN is refused with what is wrong") {
  CHECK_THAT(message_of("IT60X0542811101000000123457"),
             Catch::Contains("check digits 60 do not match"));
  CHECK_THAT(message_of("IT60X054281110100000012345"), Catch::Contains("an IBAN of IT has 27"));
  CHECK_THAT(message_of("IT60-X0542811101000000123456"),
             Catch::Contains("only capital letters and digits"));
  CHECK_THAT(message_of("IT60X054"), Catch::Contains("15 to 34"));
  CHECK_THAT(message_of("1T60X0542811101000000123456"), Catch::Contains("country code"));
  CHECK_THAT(message_of("it60x0542811101000000123456"),
             Catch::Contains("only capital letters and digits"));
}
