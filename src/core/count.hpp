// Whole numbers as people write them in spreadsheets.
#pragma once

#include <cstdint>
#include <string_view>

namespace citfee {

// Parses a whole number written with digits only: `what` names it in messages
// ("population", "quantity"). Zero is accepted only if `allow_zero`. Throws
// ValueError with a hint: "1.579" has a thousands separator: write 1579.
// True for "1.579", "1,579", "1 579", "12.345.678": digits grouped by three
// with one separator, as a spreadsheet shows a formatted number.
bool has_thousands_separators(std::string_view text);

std::int64_t parse_count(std::string_view text, std::string_view what, bool allow_zero,
                         std::int64_t max);

}  // namespace citfee
