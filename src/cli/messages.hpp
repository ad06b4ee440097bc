// What citfee tells on standard error: warnings and problems, one way.
#pragma once

#include <string>

#include "core/error.hpp"

namespace citfee::cli {

// "citfee: warning: TEXT" on standard error.
void warn(const std::string& text);
// "citfee: note: TEXT": what a run did that is worth knowing, not a problem.
void note(const std::string& text);

// Prints the warnings, then every error, and stops the run with kBadData.
void report_diagnostics(const Diagnostics& diag);

}  // namespace citfee::cli
