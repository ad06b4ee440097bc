// Computed fees as the bills the books record: what was billed, to whom,
// from which figures. The number is given when the books issue them.
#pragma once

#include <optional>
#include <vector>

#include "core/annual.hpp"
#include "core/issued_bill.hpp"
#include "core/semester.hpp"
#include "core/tariff.hpp"

namespace citfee {

IssuedBill semester_issue(const SemesterBill& bill, const Tariff& tariff, Date date);
IssuedBill annual_issue(const AnnualFee& fee, const Tariff& tariff, Date date);

// An issued semester bill as a bill to show: its lines against the services
// of `tariff`. Throws Error(kBadData) for a service the tariff lacks.
SemesterBill semester_bill_of(const IssuedBill& issued, const Tariff& tariff, const Entity& entity);

// The entity as an issued bill names it: `current` with the name, tax code
// and PEC as issued, and, for an annual bill, the residents it counted.
Entity recipient_of(const IssuedBill& issued, const Entity& current);

// An issued annual bill as a fee to show (the entity from recipient_of).
// Throws Error(kBadData) when `tariff` has not the band or flat fee it used.
AnnualFee annual_fee_of(const IssuedBill& issued, const Tariff& tariff, const Entity& entity);

// The correction bill an annual fee recomputed as `fee` needs, given the
// entity's issued bills: none when they add up to the fee already.
std::optional<IssuedBill> annual_correction(const AnnualFee& fee, const Tariff& tariff, Date date,
                                            const std::vector<IssuedBill>& entity_bills);

}  // namespace citfee
