#include "core/payment.hpp"

#include "core/entity.hpp"

#include <memory>

#include <fmt/format.h>

namespace citfee {

std::string_view match_name(Match match) {
  switch (match) {
    case Match::kNone:
      return "none";
    case Match::kReference:
      return "reference";
    case Match::kNumber:
      return "number";
    case Match::kTaxCode:
      return "tax_code";
    case Match::kHand:
      return "hand";
  }
  return "none";
}

std::optional<Match> parse_match(std::string_view name) {
  for (Match m : {Match::kNone, Match::kReference, Match::kNumber, Match::kTaxCode, Match::kHand}) {
    if (match_name(m) == name) return m;
  }
  return std::nullopt;
}

std::string payment_id(std::int64_t n) {
  return fmt::format("P-{:06}", n);
}

PaidByBill paid_by_bill(const std::vector<Payment>& payments) {
  PaidByBill paid;
  for (const Payment& p : payments) {
    if (!p.bill.empty()) paid[p.bill] += p.amount;
  }
  return paid;
}

namespace {

// Banks rewrite a reference's marks ("CIT QA 2027 017002", "QA-2027-0012"):
// compared as fold_name spells them, between '_' so that a key found in a
// text is found as whole words.
std::string loosened(std::string_view text) {
  return "_" + fold_name(text) + "_";
}

bool is_word_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || (u >= '0' && u <= '9') || ((u | 0x20) >= 'a' && (u | 0x20) <= 'z');
}

// Whether `key` is written in `raw` exactly as it is, not as part of a
// longer word: "A:1" in "pays A:1", not in "A:10".
bool names_exactly(std::string_view raw, std::string_view key) {
  for (std::size_t at = raw.find(key); at != std::string_view::npos; at = raw.find(key, at + 1)) {
    const std::size_t end = at + key.size();
    const bool starts = at == 0 || !is_word_char(raw[at - 1]) || !is_word_char(key.front());
    const bool ends = end == raw.size() || !is_word_char(raw[end]) || !is_word_char(key.back());
    if (starts && ends) return true;
  }
  return false;
}

Money outstanding(const IssuedBill& bill, const PaidByBill& paid) {
  const auto it = paid.find(bill.number);
  return it == paid.end() ? bill.total : bill.total - it->second;
}

}  // namespace

// Each bill's reference, number and tax code as they are compared: loosened
// once for all the payments of an import.
struct BillMatcher::Keys {
  struct Bill {
    std::string reference;
    std::string number;
    std::string tax_code;
  };
  std::vector<Bill> bills;
};

BillMatcher::BillMatcher(const std::vector<IssuedBill>& bills)
    : bills_(bills), keys_(std::make_unique<Keys>()) {
  keys_->bills.reserve(bills.size());
  for (const IssuedBill& b : bills) {
    keys_->bills.push_back({b.reference.empty() ? "" : loosened(b.reference),
                            b.number.empty() ? "" : loosened(b.number), loosened(b.tax_code)});
  }
}

BillMatcher::~BillMatcher() = default;

// The reference or number that the description names. One written exactly
// wins over one that only folds alike ("A:1" over "A_1", which fold_name
// spells the same); then the longest: a correction (…-R1) names its
// original's reference too, and wins.
const IssuedBill* BillMatcher::named(std::string_view raw, const std::string& text,
                                     bool by_reference) const {
  const IssuedBill* best = nullptr;
  bool best_exact = false;
  std::size_t best_size = 0;
  for (std::size_t i = 0; i < bills_.size(); ++i) {
    const IssuedBill& b = bills_[i];
    const std::string& key = by_reference ? b.reference : b.number;
    if (key.empty() || (best_exact && key.size() <= best_size)) continue;
    const std::string& folded = by_reference ? keys_->bills[i].reference : keys_->bills[i].number;
    if (text.find(folded) == std::string::npos) continue;
    const bool exact = names_exactly(raw, key);
    if (!exact && (best_exact || key.size() <= best_size)) continue;
    best = &b;
    best_exact = exact;
    best_size = key.size();
  }
  return best;
}

MatchFound BillMatcher::match(const Payment& payment, const PaidByBill& paid) const {
  const std::string text = loosened(payment.description);
  const std::string_view raw = payment.description;
  if (const IssuedBill* b = named(raw, text, true)) return {b, Match::kReference};
  if (const IssuedBill* b = named(raw, text, false)) return {b, Match::kNumber};
  if (payment.tax_code.empty()) return {};
  const std::string tax_code = loosened(payment.tax_code);
  const IssuedBill* best = nullptr;
  for (std::size_t i = 0; i < bills_.size(); ++i) {
    const IssuedBill& b = bills_[i];
    if (keys_->bills[i].tax_code != tax_code) continue;
    if (outstanding(b, paid) != payment.amount) continue;
    if (!best || b.due < best->due) best = &b;
  }
  if (best) return {best, Match::kTaxCode};
  return {};
}

const IssuedBill* find_bill(std::string_view text, const std::vector<IssuedBill>& bills) {
  const std::string t = loosened(text);
  for (const IssuedBill& b : bills) {
    if (loosened(b.number) == t || loosened(b.reference) == t) return &b;
  }
  return nullptr;
}

MatchFound match_payment(const Payment& payment, const std::vector<IssuedBill>& bills,
                         const PaidByBill& paid) {
  return BillMatcher(bills).match(payment, paid);
}

bool looks_like_same(const Payment& a, const Payment& b) {
  return a.date == b.date && a.amount == b.amount && a.payer == b.payer &&
         a.description == b.description;
}

}  // namespace citfee
