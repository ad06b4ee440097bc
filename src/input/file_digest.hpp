// The SHA-256 of an input file, recorded with the bills made from it.
#pragma once

#include <string>

namespace citfee {

// Hex digest of the file's bytes; empty for standard input ("-"). Throws
// Error(kNoInput) when the file cannot be read.
std::string file_sha256(const std::string& path);

}  // namespace citfee
