// Settling what issued bills said against what they should have said: the
// conguaglio of a later semester bill, the correction of an annual bill.
// Issued bills are never changed; a difference becomes a new line or bill.
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "core/issued_bill.hpp"
#include "core/money.hpp"
#include "core/period.hpp"

namespace citfee {

struct Settlement {
  Period period;        // the period settled (for an annual bill: its year, H1)
  Money billed_before;  // what its bills have said so far
  Money correct;        // what it comes to today
  Money difference() const { return correct - billed_before; }
};

// What the semester bills in `bills` (one entity's) billed for `period`: the
// lines of its own bill and every conguaglio line for it in later bills.
Money billed_for(const std::vector<IssuedBill>& bills, Period period);

// The periods before `period` that a semester bill of it settles: every one
// issued to the entity, oldest first.
std::vector<Period> periods_to_settle(const std::vector<IssuedBill>& bills, Period period);

// The settlement of `period`, recomputed to `correct`: none when nothing changed.
std::optional<Settlement> settle(const std::vector<IssuedBill>& bills, Period period,
                                 Money correct);

// The settlements a semester bill of `period` carries: for every earlier
// semester issued to the entity (`bills`), `recompute` of it (from today's
// ledger) against what its bills said, where they differ.
std::vector<Settlement> settlements_for(const std::vector<IssuedBill>& bills, Period period,
                                        const std::function<Money(Period)>& recompute);

// What the annual bills of `year` in `bills` (one entity's, corrections
// included) add up to, and how many corrections there are.
Money annual_billed(const std::vector<IssuedBill>& bills, int year);
int annual_corrections(const std::vector<IssuedBill>& bills, int year);

// The issued bill of one entity, kind and period, if any (not a correction).
const IssuedBill* issued_bill_for(const std::vector<IssuedBill>& bills, BillKind kind,
                                  const std::string& period);

}  // namespace citfee
