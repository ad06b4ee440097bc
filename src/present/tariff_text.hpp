// A tariff written out for people to read.
#pragma once

#include <string>

#include "core/tariff.hpp"

namespace citfee {

std::string describe_tariff(const Tariff& tariff);

// "270 (0-5000), 520 (5001-10000), ... ; 520 otherwise"
std::string describe_allowance(const Allowance& allowance);

}  // namespace citfee
