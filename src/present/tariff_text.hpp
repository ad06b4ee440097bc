// A tariff written out for people to read, in English or Italian.
#pragma once

#include <string>

#include "core/tariff.hpp"
#include "present/language.hpp"

namespace citfee {

std::string describe_tariff(const Tariff& tariff, Language language = Language::kEnglish);

// "270 for Comuni 0-5000; 520 for Comuni 5001-10000; ...; 520 for any other entity"
std::string describe_allowance(const Allowance& allowance, Language language = Language::kEnglish);

}  // namespace citfee
