// Reading inputs: whole files or standard input.
#pragma once

#include <string>

namespace citfee {

// Reads a whole file, or standard input for "-". Throws Error(kNoInput) with
// the reason when it is missing or unreadable.
std::string read_input(const std::string& path);

// The name to show for an input path in messages.
std::string display_name(const std::string& path);

}  // namespace citfee
