// citfee tariff: print the tariff in force, or validate a tariff file.
#include <memory>

#include "cli/input_options.hpp"
#include "cli/options.hpp"
#include "cli/registry.hpp"
#include "input/read_file.hpp"
#include "input/tariff_source.hpp"
#include "output/emit.hpp"
#include "present/tariff_text.hpp"
#include "run/load.hpp"

namespace citfee::cli {

namespace {

struct TariffOptions {
  int year = 0;
  std::string tariff;
  std::string output;
  std::string lang = "en";
};

void run_tariff(const TariffOptions& o) {
  const std::vector<Tariff> tariffs = load_tariffs_or_fail(o.tariff);
  const Tariff* chosen = nullptr;
  if (o.year || o.tariff.empty()) {
    chosen = &select_tariff(tariffs, o.year ? o.year : today().year);
  } else {
    // A tariff given without a year: show the newest one it holds.
    for (const Tariff& t : tariffs) {
      if (!chosen || t.first_year > chosen->first_year) chosen = &t;
    }
  }
  write_text(describe_tariff(*chosen, language_of(o.lang)), o.output);
}

}  // namespace

Action add_tariff(CLI::App& app) {
  auto o = std::make_shared<TariffOptions>();
  CLI::App* cmd =
      app.add_subcommand("tariff", "Print the tariff in force for a year, or check a tariff file");
  cmd->add_option("--year", o->year, "Year (default: the current year)")
      ->check(CLI::Range(1900, 9999));
  cmd->add_option("--tariff", o->tariff,
                  "Tariff file or directory to read and check (default: built in)");
  cmd->add_option("-o,--output", o->output, "Write to FILE");
  add_lang_option(*cmd, o->lang, "Language of the text: en (default) or it");
  cmd->footer(R"(Examples:
  citfee tariff --year 2027
  citfee tariff --year 2027 --lang it
  citfee tariff --tariff cit-2028.toml        # check a revised tariff before using it)");
  return [o] { run_tariff(*o); };
}

}  // namespace citfee::cli
