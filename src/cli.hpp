// Shared pieces of the command-line front end (not part of the library).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "citfee/entity.hpp"
#include "citfee/error.hpp"
#include "citfee/events_csv.hpp"
#include "citfee/report.hpp"
#include "citfee/tariff.hpp"
#include "citfee/usage.hpp"

namespace citfee::cli {

// Options every computing command takes.
struct CommonOptions {
  std::string tariff;  // file or directory; empty for the built-in tariffs
  std::string format;  // table, csv, tsv, json, xlsx; empty to choose
  std::string output;  // file; empty for standard output
  bool decimal_comma = false;
  std::string lang = "en";  // it: Italian column labels
};

// What a command does once its options are parsed.
using Action = std::function<void()>;

void add_tariff_option(CLI::App& cmd, CommonOptions& options);
void add_output_options(CLI::App& cmd, CommonOptions& options);

// Registers each command; returns the action to run when it is chosen.
Action add_annual(CLI::App& app);
Action add_tariff(CLI::App& app);
Action add_semester(CLI::App& app);
Action add_explain(CLI::App& app);
Action add_check(CLI::App& app);
Action add_ledger(CLI::App& app);

// Today's date: CITFEE_TODAY (YYYY-MM-DD) when set, for reproducible runs;
// the local date otherwise.
Date today();

// Prints the warnings, then every error, and stops the run with kBadData.
void report_diagnostics(const Diagnostics& diag);

std::vector<Tariff> load_tariffs_or_fail(const std::string& path);
std::vector<Entity> load_entities_or_fail(const std::string& path);

// Reads the usage files into records; problems go to `diag`.
std::vector<UsageRecord> read_usage_files(const std::vector<std::string>& paths,
                                          const Tariff& tariff, Diagnostics& diag);

// Reads the usage files and the event logs and builds the ledger up to
// `last` (all if none), telling on stderr what belonged to the previous
// convention.
UsageLedger load_ledger_or_fail(const std::vector<std::string>& paths,
                                const std::vector<std::string>& events,
                                const std::vector<Entity>& entities, const Tariff& tariff,
                                std::optional<Period> last);

// --events FILE, repeatable.
void add_events_option(CLI::App& cmd, std::vector<std::string>& events);

// Streams the event logs into the ledger, counting the events up to `last`
// (all if none); problems and notes go to `diag`.
EventStats add_events(const std::vector<std::string>& paths, const std::vector<Entity>& entities,
                      const Tariff& tariff, std::optional<Period> last, UsageLedger& ledger,
                      Diagnostics& diag);

// The semester a run bills by default: the last one completed before today.
Period last_completed_period();

// Parses --period; a malformed one is a bad command line.
Period period_option(const std::string& text);

// The output format: -O, else -o's extension, else table on a terminal and
// csv otherwise. Throws kBadUsage for an extension it cannot read, and for
// xlsx (binary) going to a terminal.
Format resolve_format(const CommonOptions& options);

// Renders the report in the chosen format and writes it whole, or not at all.
// A workbook also holds `more_sheets`, other views of the same run. Taken by
// value, moved in: a report of thousands of rows is not copied.
void emit(Report report, const CommonOptions& options, std::vector<Report> more_sheets = {});

// Stops with kBadUsage when more than one input is "-".
void check_single_stdin(const std::vector<std::string>& paths);

}  // namespace citfee::cli
