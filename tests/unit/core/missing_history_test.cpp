// Which free allowances a ledger without earlier usage leaves unknown.
#include <catch2/catch.hpp>

#include "core/usage_ledger.hpp"
#include "support.hpp"

using namespace citfee;
using citfee::test::shipped;
using Keys = std::vector<std::string>;

namespace {

UsageLedger ledger_from(Period first) {
  UsageLedger ledger;
  ledger.add("017001", first, "pec", 1, std::nullopt);
  ledger.add("017001", first.next(), "telemaco", 5, std::nullopt);
  return ledger;
}

}  // namespace

TEST_CASE("missing_history: every semester of the convention, with and without history") {
  const Tariff& t = shipped();
  const Period start{t.convention_start, Half::H1};
  // The convention's first semester has no earlier one: nothing is missing.
  CHECK(missing_history(ledger_from(start), t, start).convention.empty());
  CHECK(missing_history(ledger_from(start), t, start).year.empty());
  for (Period p = start.next(); p.year < t.convention_start + 11; p = p.next()) {
    INFO(p.str());
    // Usage from the start: everything known.
    const MissingHistory full = missing_history(ledger_from(start), t, p);
    CHECK(full.convention.empty());
    CHECK(full.year.empty());
    // Usage that starts at the semester billed: the convention's allowances
    // always, the year's only in its second half.
    const MissingHistory alone = missing_history(ledger_from(p), t, p);
    CHECK(alone.convention == Keys{"firme", "rinnovi", "pec"});
    CHECK(alone.year == (p.half == Half::H2 ? Keys{"telemaco"} : Keys{}));
  }
  // An empty ledger knows nothing either.
  CHECK(missing_history(UsageLedger{}, t, start.next()).year == Keys{"telemaco"});
}
