// Options shared by the commands, and the dates they default to.
#pragma once

#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

#include "core/period.hpp"
#include "present/language.hpp"

namespace citfee::cli {

// Options every computing command takes.
struct CommonOptions {
  std::string tariff;  // file or directory; empty for the built-in tariffs
  std::string format;  // a name of the formats table; empty to choose
  std::string output;  // file; empty for standard output
  bool decimal_comma = false;
  std::string lang;  // en or it; empty: Italian in a workbook, English elsewhere
};

void add_tariff_option(CLI::App& cmd, CommonOptions& options);
void add_output_options(CLI::App& cmd, CommonOptions& options);

// --lang en|it for a command that prints text for people (explain, tariff).
void add_lang_option(CLI::App& cmd, std::string& lang, const std::string& description);
Language language_of(const std::string& lang);

// Today's date: CITFEE_TODAY (YYYY-MM-DD) when set, for reproducible runs;
// the local date otherwise.
Date today();

// The semester a run bills by default: the last one completed before today.
Period last_completed_period();

// Parses --period; a malformed one is a bad command line.
Period period_option(const std::string& text);

// Parses the date given to `option` (--date, --as-of); `when_empty` when none
// was given. A malformed one is a bad command line.
Date date_option(const std::string& text, std::string_view option, Date when_empty);

}  // namespace citfee::cli
