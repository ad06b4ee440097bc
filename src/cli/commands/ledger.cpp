// citfee ledger: what usage files and raw event logs add up to, per entity,
// semester and service, in the long usage layout.
#include <memory>

#include "cli/input_options.hpp"
#include "cli/options.hpp"
#include "cli/registry.hpp"
#include "input/tariff_source.hpp"
#include "output/emit.hpp"
#include "present/ledger_rows.hpp"
#include "run/events.hpp"
#include "run/load.hpp"

namespace citfee::cli {

namespace {

struct LedgerOptions {
  std::string sheet;  // --sheet: of every .xlsx input
  CommonOptions common;
  std::string up_to;
  std::string entities;
  std::vector<std::string> usage;
  std::vector<std::string> events;
  std::vector<std::string> populations;
};

void run_ledger(const LedgerOptions& o) {
  output_format(o.common);  // a bad -o or -O stops the run before any input is read
  if (o.usage.empty() && o.events.empty()) {
    throw Error(Failure::kBadUsage,
                "ledger: give the usage with --events FILE, --usage FILE, or both");
  }
  std::vector<std::string> inputs = o.usage;
  inputs.insert(inputs.end(), o.events.begin(), o.events.end());
  inputs.insert(inputs.end(), o.populations.begin(), o.populations.end());
  inputs.push_back(o.entities);
  check_single_stdin(inputs);
  const std::optional<Period> last =
      o.up_to.empty() ? std::nullopt : std::optional(period_option(o.up_to));
  const Tariff tariff = tariff_for_year(o.common.tariff, last ? last->year : today().year);
  const std::vector<Entity> entities = load_entities_or_fail(o.entities, o.populations, o.sheet);
  const UsageLedger ledger =
      load_ledger_or_fail(o.usage, o.events, entities, tariff, last, o.sheet);
  emit(ledger_report(ledger, entities, tariff, last), o.common);
}

}  // namespace

Action add_ledger(CLI::App& app) {
  auto o = std::make_shared<LedgerOptions>();
  CLI::App* cmd = app.add_subcommand(
      "ledger",
      "Add up event logs (and usage files) per entity, semester and service, as a usage ledger");
  cmd->add_option("--entities", o->entities, "Entities CSV; - for standard input")->required();
  add_events_option(*cmd, o->events);
  cmd->add_option("--usage", o->usage, "Usage CSV (wide or long) to add in; repeatable");
  add_populations_option(*cmd, o->populations);
  add_sheet_option(*cmd, o->sheet);
  cmd->add_option("--up-to", o->up_to, "Last semester counted, e.g. 2026-H2 (default: every one)");
  add_tariff_option(*cmd, o->common);
  add_output_options(*cmd, o->common);
  cmd->footer(R"(Writes id,name,period,service,quantity,unit_price: the long usage layout, which
--usage reads back. Checks every row as semester does; events before the
convention began are left out and counted on stderr. Usage dated before an
entity joined or after it left is an error.

Examples:
  citfee ledger --entities enti.csv --events telemaco-2026.csv -o consumi-2026.csv
  citfee ledger --entities enti.csv --events pec.csv --events telemaco.csv --up-to 2026-H2 -O table)");
  return [o] { run_ledger(*o); };
}

}  // namespace citfee::cli
