// The options that name a run's inputs: --populations, --sheet, --events.
#pragma once

#include <string>
#include <vector>

#include "cli/flags.hpp"

namespace citfee::cli {

// --populations FILE, repeatable.
void add_populations_option(CLI::App& cmd, std::vector<std::string>& populations);
// --sheet NAME: the sheet read of every .xlsx input.
void add_sheet_option(CLI::App& cmd, std::string& sheet);
// --events FILE, repeatable.
void add_events_option(CLI::App& cmd, std::vector<std::string>& events);

}  // namespace citfee::cli
