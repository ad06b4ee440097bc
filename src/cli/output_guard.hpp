// -o never names an input of the same run: the report would replace the file
// it was computed from (a usage ledger kept for the whole convention, say).
#pragma once

#include <CLI/CLI.hpp>

namespace citfee::cli {

// Throws a usage error when the command's -o file is the same file (by
// device and inode, so also through a link) as a value of another option.
void refuse_output_over_input(const CLI::App& command);

}  // namespace citfee::cli
