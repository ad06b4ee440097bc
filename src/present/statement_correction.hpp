// The letter of an annual fee's correction bill (rettifica): what the first
// bill said, what the fee is now, and the difference, due or credited.
#pragma once

#include "core/entity.hpp"
#include "core/issued_bill.hpp"
#include "core/tariff.hpp"
#include "present/statement.hpp"

namespace citfee {

// `correction` is the issued correction bill of `first`, the annual bill it
// corrects; `entity` the recipient.
Statement correction_statement(const IssuedBill& correction, const IssuedBill& first,
                               const Entity& entity, const Tariff& tariff,
                               const StatementSettings& settings);

}  // namespace citfee
