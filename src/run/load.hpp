// The inputs of a run, read or the run stopped: tariffs, entities, usage.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/entity.hpp"
#include "core/error.hpp"
#include "core/tariff.hpp"
#include "core/usage_ledger.hpp"

namespace citfee {

std::vector<Tariff> load_tariffs_or_fail(const std::string& path);

// The tariff in force for `year`, from --tariff PATH or the built-in ones.
Tariff tariff_for_year(const std::string& path, int year);

// Reads the entities file (CSV, or the sheet `sheet` of a workbook, empty:
// the first) and adds the figures of the --populations files.
std::vector<Entity> load_entities_or_fail(const std::string& path,
                                          const std::vector<std::string>& populations = {},
                                          const std::string& sheet = {});

// Reads the --populations files into `entities`; problems go to `diag`.
void add_populations(std::vector<Entity>& entities, const std::vector<std::string>& populations,
                     Diagnostics& diag, const std::string& sheet = {});

// The entities with the residents at 31 December `year` (with_population_of).
// A Comune that no source gives that year for is reported to `diag`, all of
// them in one message that names them and the year.
std::vector<Entity> with_populations_of(const std::vector<Entity>& entities, int year,
                                        Diagnostics& diag);
// The same, stopping the run (exit 65) when one is missing.
std::vector<Entity> with_populations_or_fail(const std::vector<Entity>& entities, int year);
// The same in place (use_population_of) on the entities pointed to.
void use_populations_or_fail(const std::vector<Entity*>& entities, int year);

// Reads the usage files into records; problems go to `diag`.
std::vector<UsageRecord> read_usage_files(const std::vector<std::string>& paths,
                                          const Tariff& tariff, Diagnostics& diag,
                                          const std::string& sheet = {});

// Reads the usage files and the event logs and builds the ledger up to
// `last` (all if none), telling on stderr what belonged to the previous
// convention.
UsageLedger load_ledger_or_fail(const std::vector<std::string>& paths,
                                const std::vector<std::string>& events,
                                const std::vector<Entity>& entities, const Tariff& tariff,
                                std::optional<Period> last, const std::string& sheet = {});

// Stops with kBadUsage when more than one input is "-", or a file is given twice.
void check_single_stdin(const std::vector<std::string>& paths);

}  // namespace citfee
