// What citfee tells on standard error: warnings and problems, one way.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/usage_ledger.hpp"

namespace citfee {

// "citfee: KIND TEXT" on standard error, control characters escaped: every
// message goes this way.
void say(std::string_view kind, std::string_view text);
// "citfee: warning: TEXT" on standard error.
void warn(const std::string& text);
// "citfee: note: TEXT": what a run did that is worth knowing, not a problem.
void note(const std::string& text);

// The first ten of `items`, comma-separated, and "and N more" for the rest:
// a warning names what it is about without a screenful of ids.
std::string capped_list(const std::vector<std::string>& items);

// Warns that the free units used before `period` are unknown, if they are.
void warn_missing_history(const UsageLedger& ledger, const Tariff& tariff, Period period);

// Prints the warnings, then every error, and stops the run with kBadData.
void report_diagnostics(const Diagnostics& diag);

}  // namespace citfee
