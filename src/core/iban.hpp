// International bank account numbers (ISO 13616), as statements print them.
#pragma once

#include <string>
#include <string_view>

namespace citfee {

// The IBAN without blanks, in capitals: "it60 x054 ..." -> "IT60X054...".
std::string compact_iban(std::string_view text);

// Checks a compact IBAN: letters and digits only, a country code, a length
// that fits it (27 for Italy), and check digits that make the mod-97
// remainder 1. Throws ValueError saying what is wrong.
void check_iban(std::string_view iban);

// The ISO 13616 remainder of a compact IBAN (1 when valid), computed digit by
// digit in integers: the number it stands for has up to 70 digits.
int iban_remainder(std::string_view iban);

}  // namespace citfee
