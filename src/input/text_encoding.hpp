// Text that is not UTF-8: files saved by Windows programs. Italian Excel saves
// "CSV (separato da ;)" in Windows-1252 and "Testo Unicode" in UTF-16.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace citfee {

enum class TextEncoding { kUtf8, kWindows1252, kUtf16 };

// The Windows-1252 text `bytes` in UTF-8; none when `bytes` holds a byte that
// Windows-1252 leaves undefined. Callers try it on text that is not UTF-8.
std::optional<std::string> windows1252_to_utf8(std::string_view bytes);

// True when `bytes` begins with a UTF-16 byte order mark, either way round.
bool has_utf16_bom(std::string_view bytes);

// The UTF-16 text `bytes`, which begins with its byte order mark, in UTF-8
// (without the mark); none when it holds a malformed character.
std::optional<std::string> utf16_to_utf8(std::string_view bytes);

struct DecodedText {
  std::string text;
  TextEncoding encoding = TextEncoding::kUtf8;
};

// The one rule for a text input: UTF-16 when it begins with its mark;
// UTF-8 when it is valid UTF-8; else Windows-1252 when it is valid
// Windows-1252; else the bytes as they are, for the reader to report.
DecodedText decode_text(std::string bytes);

// What a note on stderr says of a file read as `encoding` (not UTF-8).
std::string encoding_note(TextEncoding encoding);

// decode_text for the readers: the text, with the note of how `file` was
// read in `diag` when it was not UTF-8.
std::string decode_input(std::string bytes, const std::string& file, Diagnostics& diag);

}  // namespace citfee
