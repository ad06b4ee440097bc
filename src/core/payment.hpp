// Payments received, as the books keep them, and the rules that match a
// payment to the bill it pays.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/issued_bill.hpp"
#include "core/money.hpp"
#include "core/period.hpp"

namespace citfee {

// How a payment was matched to its bill.
enum class Match {
  kNone,       // unmatched: kept as a "sospeso"
  kReference,  // the bill's reference in the description (CIT-QA-2027-017002)
  kNumber,     // the bill's number in the description (QA-2027/0012)
  kTaxCode,    // the payer's tax code, with an open bill of exactly the amount
  kHand,       // assigned by hand (payments --assign)
};

std::string_view match_name(Match match);  // none, reference, number, tax_code, hand
std::optional<Match> parse_match(std::string_view name);

struct Payment {
  std::string id;  // P-000123 once recorded; empty before
  Date date;
  Money amount;  // more than zero
  std::string payer;
  std::string tax_code;
  std::string description;
  std::string bank_id;  // the bank's own id of the transaction; empty when none
  std::string bill;     // the number of the bill it pays; empty when unmatched
  Match match = Match::kNone;
  std::string file;  // the file it was imported from, and its line or entry
  int line = 0;
};

// P-000123: the n-th payment recorded.
std::string payment_id(std::int64_t n);

// What has been paid on each bill so far, by bill number.
using PaidByBill = std::map<std::string, Money>;
PaidByBill paid_by_bill(const std::vector<Payment>& payments);

// The bill `payment` pays, and how it was found: a citfee reference in its
// description, else a bill number there, else the payer's tax code with an
// open bill of exactly its amount (the one due first, if several); nullptr
// and kNone when nothing fits.
struct MatchFound {
  const IssuedBill* bill = nullptr;
  Match how = Match::kNone;
};
MatchFound match_payment(const Payment& payment, const std::vector<IssuedBill>& bills,
                         const PaidByBill& paid);

// match_payment for many payments against the same bills, whose keys it
// spells for comparison once rather than once a payment. `bills` must
// outlive it.
class BillMatcher {
 public:
  explicit BillMatcher(const std::vector<IssuedBill>& bills);
  ~BillMatcher();
  BillMatcher(const BillMatcher&) = delete;
  BillMatcher& operator=(const BillMatcher&) = delete;

  MatchFound match(const Payment& payment, const PaidByBill& paid) const;

 private:
  struct Keys;
  const IssuedBill* named(std::string_view raw, const std::string& text, bool by_reference) const;

  const std::vector<IssuedBill>& bills_;
  std::unique_ptr<Keys> keys_;
};

// The bill that `text` names, by its number (QA-2027/0012) or reference
// (CIT-QA-2027-017002); nullptr if none.
const IssuedBill* find_bill(std::string_view text, const std::vector<IssuedBill>& bills);

// Whether two payments without a bank id look like the same transfer: same
// day, amount, payer and description.
bool looks_like_same(const Payment& a, const Payment& b);

}  // namespace citfee
