// The variable fees of a semester (quote variabili): usage beyond the free
// allowances, at the tariff's prices.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/entity.hpp"
#include "core/money.hpp"
#include "core/period.hpp"
#include "core/settlement.hpp"
#include "core/tariff.hpp"
#include "core/usage_ledger.hpp"

namespace citfee {

struct PeriodUse {
  Period period;
  std::int64_t quantity = 0;
};

// How the free units of one service stood when a period began.
struct AllowanceUse {
  std::int64_t allowance = 0;      // free units of the scope
  std::vector<PeriodUse> earlier;  // earlier periods of the same scope
  std::int64_t used_before = 0;    // their total
  std::int64_t left = 0;           // allowance - used_before, never below zero
};

// One billed line: a service (and, for a service priced per event, one price).
struct ServiceCharge {
  const Service* service = nullptr;
  std::int64_t quantity = 0;
  std::int64_t free = 0;
  std::int64_t billable = 0;
  Money unit_price;
  Money amount;             // billable x unit price, to the cent
  std::string description;  // the event (a course), when the usage names it
  AllowanceUse allowance;   // as it stood before this line
};

struct SemesterBill {
  const Entity* entity = nullptr;
  Period period;
  std::vector<ServiceCharge> lines;     // services in tariff order; unused ones left out
  std::vector<Settlement> settlements;  // conguaglio of earlier bills, in the total
  Money total;
  Date due;
};

// The periods before `period` whose usage counts against the same allowance:
// earlier in the calendar year, or since the convention began.
std::vector<Period> earlier_periods(const Tariff& tariff, AllowanceScope scope, Period period);

// Free units of `service` left for `entity` when `period` begins.
AllowanceUse allowance_use(const Tariff& tariff, const Service& service, const UsageLedger& ledger,
                           const Entity& entity, Period period);

SemesterBill semester_bill(const Tariff& tariff, const UsageLedger& ledger, const Entity& entity,
                           Period period);

// Adds the settlements of earlier periods to the bill and its total.
void add_settlements(SemesterBill& bill, std::vector<Settlement> settlements);

}  // namespace citfee
