// Text that is not UTF-8: files saved by Windows programs.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace citfee {

// The Windows-1252 text `bytes` in UTF-8; none when `bytes` holds a byte that
// Windows-1252 leaves undefined. Callers try it on text that is not UTF-8.
std::optional<std::string> windows1252_to_utf8(std::string_view bytes);

}  // namespace citfee
