#include "cli/options.hpp"

#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "core/error.hpp"
#include "output/formats.hpp"

namespace citfee::cli {

void add_tariff_option(CLI::App& cmd, CommonOptions& options) {
  cmd.add_option("--tariff", options.tariff,
                 "Tariff file, or directory of tariff files (default: the tariffs built in)");
}

void add_output_options(CLI::App& cmd, CommonOptions& options) {
  std::vector<std::string> names;
  for (const OutputFormat& f : output_formats()) names.emplace_back(f.name);
  cmd.add_option("-O,--output-format", options.format,
                 fmt::format("{} (default: table on a terminal, csv otherwise, or from -o's "
                             "extension)",
                             format_list()))
      ->check(CLI::IsMember(names));
  cmd.add_option("-o,--output", options.output, "Write to FILE (written whole, or not at all)");
  cmd.add_flag(
      "--decimal-comma", options.decimal_comma,
      "Use ',' as decimal mark and ';' between CSV fields, as Italian spreadsheets expect");
  cmd.add_option("--lang", options.lang,
                 "Column headers: en (the names scripts rely on; the default, but for a "
                 "workbook) or it (Italian labels, types, methods and services; dates as "
                 "31/03/2027 in a table and a workbook; the default for xlsx)")
      ->check(CLI::IsMember({"en", "it"}));
}

void add_lang_option(CLI::App& cmd, std::string& lang, const std::string& description) {
  cmd.add_option("--lang", lang, description)->check(CLI::IsMember({"en", "it"}));
}

Language language_of(const std::string& lang) {
  return lang == "it" ? Language::kItalian : Language::kEnglish;
}

}  // namespace citfee::cli
