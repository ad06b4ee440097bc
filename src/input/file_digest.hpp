// The SHA-256 of an input file, recorded with the bills made from it.
#pragma once

#include <string>
#include <string_view>

namespace citfee {

// Hex digest of the file's bytes; empty for standard input ("-"). Throws
// Error(kNoInput) when the file cannot be read.
std::string file_sha256(const std::string& path);
// Hex digest of bytes already read (a payments file, read from standard input too).
std::string bytes_sha256(std::string_view bytes);

}  // namespace citfee
