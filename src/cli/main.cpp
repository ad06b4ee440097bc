// citfee: fee and invoice calculator for the CIT of the Provincia di Brescia.
#include <iostream>
#include <map>

#include <fmt/format.h>

#include "cli/output_guard.hpp"
#include "cli/registry.hpp"
#include "input/tariff_source.hpp"
#include "output/interruption.hpp"
#include "output/messages.hpp"
#include "version.hpp"

namespace {

// "annual, semester, … and tariff", from the registry.
std::string command_list() {
  const auto& list = citfee::cli::commands();
  std::string text;
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (i > 0) text += i + 1 == list.size() ? " and " : ", ";
    text += list[i].name;
  }
  return text;
}

std::string version_text() {
  std::string text = fmt::format("citfee {}\nbuilt-in tariffs:", citfee::kVersion);
  citfee::Diagnostics diag;
  for (const auto& t : citfee::load_tariffs("", diag)) {
    text += fmt::format(" {} (from {})", t.id, t.first_year);
  }
  return text;
}

int run(int argc, char** argv) {
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
  std::map<std::string, citfee::cli::Action, std::less<>> actions;
  for (const citfee::cli::Command& c : citfee::cli::commands()) {
    actions.emplace(std::string(c.name), c.add(app));
  }
  // CLI11 would only say that a command is required.
  if (argc > 1 && argv[1][0] != '-' && !actions.count(argv[1])) {
    citfee::say("", fmt::format("unknown command \"{}\": the commands are {} (see citfee --help)",
                                argv[1], command_list()));
    return static_cast<int>(citfee::Failure::kBadUsage);
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    citfee::say("", fmt::format("{}\nRun 'citfee --help' or 'citfee COMMAND --help' for the "
                                "options.",
                                e.what()));
    return static_cast<int>(citfee::Failure::kBadUsage);
  }
  for (const CLI::App* sub : app.get_subcommands()) {
    citfee::cli::refuse_output_over_input(*sub);
    citfee::cli::guard_inputs(*sub);
    actions.at(sub->get_name())();
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  citfee::install_signal_handlers();
  try {
    const int status = run(argc, argv);
    citfee::raise_pending_signal();
    return status;
  } catch (const citfee::Interrupted& e) {
    // Everything it had written is taken back: end as the signal would have.
    citfee::raise_pending_signal();
    return 128 + e.signal();
  } catch (const citfee::Error& e) {
    if (*e.what()) citfee::say("", e.what());
    return static_cast<int>(e.failure());
  } catch (const citfee::OverflowError& e) {
    citfee::say("an amount is too large to compute exactly: ", e.what());
    return static_cast<int>(citfee::Failure::kBadData);
  } catch (const std::exception& e) {
    citfee::say("internal error: ", e.what());
    return 70;
  }
}
