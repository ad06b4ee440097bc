#include "core/iban.hpp"

#include <fmt/format.h>

#include "core/error.hpp"

namespace citfee {

namespace {

bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Lengths of the IBANs a statement is likely to carry; any other country
// gets the general bounds of the standard.
struct CountryLength {
  std::string_view country;
  std::size_t length;
};

constexpr CountryLength kLengths[] = {{"IT", 27}, {"SM", 27}, {"VA", 22}, {"CH", 21},
                                      {"DE", 22}, {"FR", 27}, {"AT", 20}, {"ES", 24}};

std::size_t expected_length(std::string_view country) {
  for (const auto& c : kLengths) {
    if (c.country == country) return c.length;
  }
  return 0;
}

}  // namespace

std::string compact_iban(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == ' ' || c == '\t') continue;
    out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  return out;
}

int iban_remainder(std::string_view iban) {
  // The country and check digits move to the end; each letter counts as two
  // digits (A = 10 ... Z = 35).
  const std::string rearranged = std::string(iban.substr(4)) + std::string(iban.substr(0, 4));
  int remainder = 0;
  for (char c : rearranged) {
    if (is_digit(c)) {
      remainder = (remainder * 10 + (c - '0')) % 97;
    } else {
      remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
    }
  }
  return remainder;
}

void check_iban(std::string_view iban) {
  const std::string shown = fmt::format("IBAN \"{}\"", iban);
  for (char c : iban) {
    if (!is_upper(c) && !is_digit(c)) {
      const std::string what =
          static_cast<unsigned char>(c) < 0x80 ? fmt::format("\"{}\"", c) : "a non-ASCII byte";
      throw ValueError(
          fmt::format("{} holds {}: an IBAN has only capital letters and digits", shown, what));
    }
  }
  if (iban.size() < 15 || iban.size() > 34) {
    throw ValueError(fmt::format("{} has {} characters: an IBAN has 15 to 34 (27 in Italy)", shown,
                                 iban.size()));
  }
  if (!is_upper(iban[0]) || !is_upper(iban[1]) || !is_digit(iban[2]) || !is_digit(iban[3])) {
    throw ValueError(
        fmt::format("{} must begin with a country code and two check digits, like IT60", shown));
  }
  const std::size_t length = expected_length(iban.substr(0, 2));
  if (length != 0 && iban.size() != length) {
    throw ValueError(fmt::format("{} has {} characters: an IBAN of {} has {}", shown, iban.size(),
                                 iban.substr(0, 2), length));
  }
  if (iban_remainder(iban) != 1) {
    throw ValueError(fmt::format(
        "{}: the check digits {} do not match the rest (ISO 13616, mod 97): a character "
        "is mistyped",
        shown, iban.substr(2, 2)));
  }
}

}  // namespace citfee
