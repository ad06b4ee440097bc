// citfee: fee and invoice calculator for the CIT of the Provincia di Brescia.
#include <iostream>
#include <map>

#include <fmt/format.h>

#include "citfee/tariff_source.hpp"
#include "citfee/version.hpp"
#include "cli.hpp"
#include "office.hpp"

namespace {

std::string version_text() {
  std::string text = fmt::format("citfee {}\nbuilt-in tariffs:", citfee::kVersion);
  citfee::Diagnostics diag;
  for (const auto& t : citfee::load_tariffs("", diag)) {
    text += fmt::format(" {} (from {})", t.id, t.first_year);
  }
  return text;
}

int run(int argc, char** argv) {
  citfee::cli::keep_arguments(argc, argv);
  CLI::App app(
      "citfee: annual and semester fees of the Convention CIT 2026-2036 (Provincia di Brescia)",
      "citfee");
  app.set_version_flag("--version", std::function<std::string()>(version_text));
  app.require_subcommand(1);
  app.footer(R"(Examples:
  citfee annual --year 2027 --entities enti.csv
  citfee semester --period 2026-H1 --entities enti.csv --usage consumi.csv
  citfee tariff --year 2027
Run 'citfee COMMAND --help' for the options of a command.)");
  std::map<std::string, citfee::cli::Action> actions;
  actions["annual"] = citfee::cli::add_annual(app);
  actions["semester"] = citfee::cli::add_semester(app);
  actions["explain"] = citfee::cli::add_explain(app);
  actions["check"] = citfee::cli::add_check(app);
  actions["ledger"] = citfee::cli::add_ledger(app);
  actions["tariff"] = citfee::cli::add_tariff(app);
  // CLI11 would only say that a command is required.
  if (argc > 1 && argv[1][0] != '-' && !actions.count(argv[1])) {
    std::cerr << "citfee: unknown command \"" << argv[1]
              << "\": the commands are annual, semester, explain, check, ledger and tariff (see "
                 "citfee --help)\n";
    return static_cast<int>(citfee::Failure::kBadUsage);
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "citfee: " << e.what()
              << "\nRun 'citfee --help' or 'citfee COMMAND --help' for the options.\n";
    return static_cast<int>(citfee::Failure::kBadUsage);
  }
  for (const CLI::App* sub : app.get_subcommands()) actions.at(sub->get_name())();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const citfee::Error& e) {
    if (*e.what()) std::cerr << "citfee: " << e.what() << '\n';
    return static_cast<int>(e.failure());
  } catch (const citfee::OverflowError& e) {
    std::cerr << "citfee: an amount is too large to compute exactly: " << e.what() << '\n';
    return static_cast<int>(citfee::Failure::kBadData);
  } catch (const std::exception& e) {
    std::cerr << "citfee: internal error: " << e.what() << '\n';
    return 70;
  }
}
