// citfee check: validate the inputs against the tariff, report every problem.
#include <map>
#include <memory>
#include <set>
#include <unordered_set>

#include <fmt/format.h>

#include "cli/input_options.hpp"
#include "cli/options.hpp"
#include "cli/registry.hpp"
#include "core/annual.hpp"
#include "input/csv.hpp"
#include "input/entities.hpp"
#include "input/header.hpp"
#include "input/read_file.hpp"
#include "input/table_file.hpp"
#include "input/tariff_source.hpp"
#include "input/usage.hpp"
#include "output/atomic_file.hpp"
#include "output/messages.hpp"
#include "run/events.hpp"
#include "run/load.hpp"

namespace citfee::cli {

namespace {

struct CheckOptions {
  std::string sheet;  // --sheet: of every .xlsx input
  std::string entities;
  std::vector<std::string> usage;
  std::vector<std::string> events;
  std::vector<std::string> populations;
  std::string tariff;
  int year = 0;
};

std::string entities_summary(const std::string& file, const std::vector<Entity>& entities) {
  std::map<EntityType, int> by_type;
  for (const Entity& e : entities) ++by_type[e.type];
  std::vector<std::string> parts;
  for (const auto& [type, n] : by_type) parts.push_back(fmt::format("{} {}", n, type_key(type)));
  return fmt::format("{}: {} entities ({})\n", display_name(file), entities.size(),
                     fmt::join(parts, ", "));
}

std::string usage_summary(const UsageLedger& ledger, const LedgerNotes& notes,
                          const Tariff& tariff) {
  std::string out;
  std::vector<std::string> periods;
  for (Period p : ledger.periods()) periods.push_back(p.str());
  out += fmt::format("periods with usage: {}\n",
                     periods.empty() ? "none" : fmt::format("{}", fmt::join(periods, ", ")));
  int before = 0;
  for (const auto& [file, lines] : notes.lines_before_convention)
    before += static_cast<int>(lines.size());
  if (before)
    out += fmt::format("rows before {} (previous convention, ignored): {}\n",
                       tariff.convention_start, before);
  std::vector<std::string> services;
  for (const auto& [key, units] : ledger.totals_by_service())
    services.push_back(fmt::format("{} {}", key, units));
  out += fmt::format("units by service: {}\n",
                     services.empty() ? "none" : fmt::format("{}", fmt::join(services, ", ")));
  return out;
}

std::string events_summary(const EventStats& events, std::size_t files, const Tariff& tariff) {
  std::string out = fmt::format("events: {} row(s) in {} file(s)\n", events.rows, files);
  if (events.before_convention) {
    out += fmt::format("events before {} (previous convention, ignored): {}\n",
                       tariff.convention_start, events.before_convention);
  }
  return out;
}

void run_check(const CheckOptions& o) {
  std::vector<std::string> inputs = o.usage;
  inputs.insert(inputs.end(), o.events.begin(), o.events.end());
  inputs.insert(inputs.end(), o.populations.begin(), o.populations.end());
  inputs.push_back(o.entities);
  check_single_stdin(inputs);
  const int year = o.year ? o.year : today().year;
  const Tariff tariff = tariff_for_year(o.tariff, year);
  Diagnostics diag;
  CsvTable table = read_table(o.entities, o.sheet, diag);
  std::vector<Entity> entities = read_entities(table, diag, !o.populations.empty());
  add_populations(entities, o.populations, diag, o.sheet);
  std::vector<Entity> members;
  for (const Entity& e : entities) {
    if (is_member(e.membership, year)) members.push_back(e);
  }
  // The fee of the year and the Telemaco allowance of its semesters count the
  // residents at 31 December of the year before: every member of the year
  // needs it, also one whose fee starts next year.
  for (const Entity& e : with_populations_of(members, year - 1, diag)) {
    if (carries_population(e.type) && !e.population) continue;  // reported just above
    try {
      annual_fee(tariff, tariff.annual.method, e, year);
    } catch (const Error& err) {
      diag.error({}, err.what());
    }
  }
  std::string summary = fmt::format("tariff: {} (in force for {})\n", tariff.id, year);
  summary += entities_summary(o.entities, entities);
  if (!o.usage.empty() || !o.events.empty()) {
    std::vector<UsageRecord> records = read_usage_files(o.usage, tariff, diag, o.sheet);
    LedgerNotes notes;
    // Rows of the entities file rejected above are not unknown entities.
    std::unordered_set<std::string> ids;
    const int id_col = table.column("id");
    for (const CsvRow& row : table.rows) {
      if (id_col >= 0)
        ids.insert(std::string(trimmed(row.fields[static_cast<std::size_t>(id_col)])));
    }
    std::map<std::string, Membership> memberships;
    for (const Entity& e : entities) memberships.emplace(e.id, e.membership);
    UsageLedger ledger = build_ledger(records, ids, tariff, std::nullopt, diag, notes, memberships);
    std::set<std::pair<std::string, int>> rows;
    for (const UsageRecord& r : records) rows.insert({r.where.file, r.where.line});
    if (!o.usage.empty()) {
      summary +=
          fmt::format("usage: {} row(s) with usage in {} file(s)\n", rows.size(), o.usage.size());
    }
    const EventStats events = add_events(o.events, entities, tariff, std::nullopt, ledger, diag);
    if (!o.events.empty()) summary += events_summary(events, o.events.size(), tariff);
    summary += usage_summary(ledger, notes, tariff);
    const std::vector<Period> periods = ledger.periods();
    if (!periods.empty()) warn_missing_history(ledger, tariff, periods.front());
  }
  if (!diag.ok()) {
    // A failed run prints nothing on stdout: the summary goes with the problems.
    std::fputs(summary.c_str(), stderr);
    report_diagnostics(diag);
  }
  report_diagnostics(diag);  // the warnings
  write_stdout(summary + "no problems found\n");
}

}  // namespace

Action add_check(CLI::App& app) {
  auto o = std::make_shared<CheckOptions>();
  CLI::App* cmd = app.add_subcommand(
      "check", "Check entities and usage files against the tariff; report every problem");
  cmd->add_option("--entities", o->entities, "Entities CSV; - for standard input")->required();
  cmd->add_option("--usage", o->usage, "Usage CSV (wide or long); repeatable");
  add_events_option(*cmd, o->events);
  add_populations_option(*cmd, o->populations);
  add_sheet_option(*cmd, o->sheet);
  cmd->add_option("--tariff", o->tariff, "Tariff file or directory (default: built in)");
  cmd->add_option("--year", o->year,
                  "Check against the tariff in force this year (default: current year)")
      ->check(CLI::Range(1900, 9999));
  cmd->footer(R"(Exit status 0 when everything is right, 65 when a problem was found: among
them every Comune with no population at 31 December of the year before --year,
a `left` before `joined`, and usage dated outside an entity's membership.

Examples:
  citfee check --entities enti.csv
  citfee check --entities enti.csv --usage consumi-2026.csv --usage consumi-2027.csv
  citfee check --entities enti.csv --events telemaco-log.csv
  citfee check --year 2027 --entities enti.csv --populations popolazione.csv)");
  return [o] { run_check(*o); };
}

}  // namespace citfee::cli
