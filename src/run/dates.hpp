// The dates a run starts from: today, and the dates and periods its options
// name.
#pragma once

#include <string>
#include <string_view>

#include "core/period.hpp"

namespace citfee {

// Today's date: CITFEE_TODAY (YYYY-MM-DD) when set, for reproducible runs;
// the local date otherwise.
Date today();
// The semester a run bills by default: the last one completed before today.
Period last_completed_period();
// Parses --period; a malformed one is a bad command line.
Period period_option(const std::string& text);
// Parses the date given to `option` (--date, --as-of); `when_empty` when none
// was given. A malformed one is a bad command line.
Date date_option(const std::string& text, std::string_view option, Date when_empty);

}  // namespace citfee
