// Options shared by the commands, and the dates they default to.
#pragma once

#include <string>
#include <string_view>

#include "cli/flags.hpp"

#include "core/period.hpp"
#include "output/emit.hpp"
#include "present/language.hpp"
#include "run/dates.hpp"

namespace citfee::cli {

// Options every computing command takes: the report's, and the tariff.
struct CommonOptions : ReportOptions {
  std::string tariff;  // file or directory; empty for the built-in tariffs
};

void add_tariff_option(CLI::App& cmd, CommonOptions& options);
void add_output_options(CLI::App& cmd, CommonOptions& options);

// --lang en|it for a command that prints text for people (explain, tariff).
void add_lang_option(CLI::App& cmd, std::string& lang, const std::string& description);
Language language_of(const std::string& lang);

}  // namespace citfee::cli
