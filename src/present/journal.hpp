// The books as an hledger journal, so that an accountant's tool audits
// citfee's own figures: `hledger check`, `hledger balance`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/issued_bill.hpp"
#include "core/payment.hpp"

namespace citfee {

// A transaction per issued bill (crediti:enti:<id> against the revenue of
// its lines), per matched payment (banca against crediti:enti:<id>), per
// unmatched one (banca against sospesi); the bill's reference is the code.
// It ends with a balance assertion on each entity's account. With `year`,
// only what is dated in it, after the opening balances of the years before.
std::string hledger_journal(const std::vector<IssuedBill>& bills,
                            const std::vector<Payment>& payments, std::optional<int> year);

}  // namespace citfee
