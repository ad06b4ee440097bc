// Whole numbers as people write them in spreadsheets.
#pragma once

#include <cstdint>
#include <string_view>

namespace citfee {

// Parses a whole number written with digits only: `what` names it in messages
// ("population", "quantity"). Zero is accepted only if `allow_zero`. Throws
// ValueError with a hint: "1.579" has a thousands separator: write 1579.
std::int64_t parse_count(std::string_view text, std::string_view what, bool allow_zero,
                         std::int64_t max);

}  // namespace citfee
