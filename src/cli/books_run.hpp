// --books and --issue on the command line.
#pragma once

#include <string>
#include <string_view>

#include "cli/flags.hpp"
#include "run/issuing.hpp"

namespace citfee::cli {

// --books (all commands that read them); with `issuing`, also --issue.
void add_books_options(CLI::App& cmd, BooksOptions& options, bool issuing);

// --books for the commands of payments (payments, balance, remind, journal),
// which need them; books_or_fail() stops such a command without.
void add_books_file_option(CLI::App& cmd, std::string& path);
const std::string& books_or_fail(const std::string& path, std::string_view command);

}  // namespace citfee::cli
