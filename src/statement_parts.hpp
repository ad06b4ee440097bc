// Pieces shared by the annual and the semester statement builders.
#pragma once

#include <string>

#include "citfee/statement.hpp"

namespace citfee::statement_parts {

// A statement with the issuer, the recipient, the date and the draft mark set.
Statement base(const Entity& entity, const StatementSettings& settings);

// The payment reason (causale): `text` with every character a bank transfer
// may refuse replaced by '-'. SEPA accepts letters, digits and / - ? : ( ) . , ' +
std::string payment_reason(const std::string& text);

}  // namespace citfee::statement_parts
