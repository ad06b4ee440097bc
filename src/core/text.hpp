// Control characters in text: found in inputs, escaped wherever text that
// came from a file is shown.
#pragma once

#include <string>
#include <string_view>

namespace citfee {

// Where the first control character of UTF-8 `text` begins, or npos: C0
// (a NUL, an escape…) except tab, line feed and carriage return, DEL, and
// C1 (U+0080 to U+009F).
std::size_t find_control(std::string_view text);

// `text` with every control character but tab and line feed written as an
// escape: "\x1b", "\x00", "\u009b". Other bytes are kept.
std::string escape_controls(std::string_view text);

}  // namespace citfee
