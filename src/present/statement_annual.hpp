// The letter of an annual fee.
#pragma once

#include "core/annual.hpp"
#include "core/tariff.hpp"
#include "present/statement.hpp"

namespace citfee {

Statement annual_statement(const AnnualFee& fee, const Tariff& tariff,
                           const StatementSettings& settings);

}  // namespace citfee
