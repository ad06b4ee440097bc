// Control characters in text: found in inputs, escaped wherever text that
// came from a file is shown. Characters that do not show (zero-width,
// bidirectional controls, spaces other than the ASCII one) found in ids, where
// two ids that look the same must not name two bodies.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace citfee {

// Where the first control character of UTF-8 `text` begins, or npos: C0
// (a NUL, an escape…) except tab, line feed and carriage return, DEL, and
// C1 (U+0080 to U+009F).
std::size_t find_control(std::string_view text);

// `text` with every control character but tab and line feed written as an
// escape: "\x1b", "\x00", "\u009b". Format characters that reorder or hide
// text on a terminal (bidirectional overrides and isolates, zero-width
// characters, U+FEFF) are escaped too: "\u202e". Other bytes are kept.
std::string escape_controls(std::string_view text);

// A character of `text` that an id must not hold, and where it begins.
struct HiddenChar {
  std::size_t pos = 0;
  char32_t code = 0;
  bool digit_like = false;  // a fullwidth digit, which looks like an ASCII one
};

// The first character of UTF-8 `text` that does not show or looks like
// another: C0 and C1 controls (tab and line ends too), DEL, format characters
// (zero-width, bidirectional controls, U+FEFF, soft hyphen, tags), spaces
// other than U+0020 (no-break, narrow, ideographic…), variation selectors,
// and the fullwidth digits U+FF10 to U+FF19.
std::optional<HiddenChar> find_hidden(std::string_view text);

// "U+200B (zero-width space)", or "U+XXXX" for one without a common name.
std::string code_point_name(char32_t code);

// `text` with every character find_hidden() would find written as an escape
// ("\u200b"), so that a message shows what the eye cannot.
std::string escape_hidden(std::string_view text);

// `text` as one part of an hledger account name, reversibly: letters, digits
// and "_-." (and any other visible non-ASCII character) are kept, every other
// byte is written %XX (':' %3A, ' ' %20, ';' %3B, '%' %25). Two different texts
// give two different parts, and none holds a space of any kind.
std::string ledger_account_part(std::string_view text);

// The digits of a whole number written with Italian thousands dots ("1.579",
// "196.670", "1.234.567": one to three digits, then groups of exactly three
// after each dot); nullopt for anything else ("1579", "1.57", "1,579").
std::optional<std::string> dot_grouped_digits(std::string_view text);

}  // namespace citfee
