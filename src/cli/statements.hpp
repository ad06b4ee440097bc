// --statements on annual, semester and remind: the options of the letters.
#pragma once

#include "cli/flags.hpp"
#include "run/letters.hpp"

namespace citfee::cli {

// The options of letters; `of_bills` adds those of the bills' letters
// (--all, --owing, --allow-late), which reminders do not take.
void add_statement_options(CLI::App& cmd, StatementOptions& options, bool of_bills = true);

}  // namespace citfee::cli
