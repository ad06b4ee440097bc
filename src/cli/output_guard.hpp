// -o never names an input of the same run: the report would replace the file
// it was computed from (a usage ledger kept for the whole convention, say).
#pragma once

#include "cli/flags.hpp"

namespace citfee::cli {

// Throws a usage error when the command's -o file is the same file (by
// device and inode, so also through a link) as a value of another option.
void refuse_output_over_input(const CLI::App& command);

// Keeps every file named by an option of the command (but -o and
// --statements) as an input that no output of the run may replace.
void guard_inputs(const CLI::App& command);

}  // namespace citfee::cli
