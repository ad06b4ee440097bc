#include "run/load.hpp"

#include "input/file_digest.hpp"

#include <filesystem>

#include <fmt/format.h>

#include "input/csv.hpp"
#include "input/entities.hpp"
#include "input/file_digest.hpp"
#include "input/populations.hpp"
#include "input/read_file.hpp"
#include "input/table_file.hpp"
#include "input/tariff_source.hpp"
#include "input/usage.hpp"
#include "input/xlsx.hpp"
#include "input/zip_archive.hpp"
#include "output/messages.hpp"
#include "run/events.hpp"

namespace citfee {

std::vector<Tariff> load_tariffs_or_fail(const std::string& path) {
  Diagnostics diag;
  std::vector<Tariff> tariffs = load_tariffs(path, diag);
  report_diagnostics(diag);
  return tariffs;
}

Tariff tariff_for_year(const std::string& path, int year) {
  return select_tariff(load_tariffs_or_fail(path), year);
}

std::vector<Entity> load_entities_or_fail(const std::string& path,
                                          const std::vector<std::string>& populations,
                                          const std::string& sheet) {
  Diagnostics diag;
  CsvTable table = read_table(path, sheet, diag);
  std::vector<Entity> entities = read_entities(table, diag, !populations.empty());
  add_populations(entities, populations, diag, sheet);
  report_diagnostics(diag);
  return entities;
}

namespace {

std::vector<PopulationRecord> read_population_file(const std::string& path,
                                                   const std::string& sheet, Diagnostics& diag) {
  const std::string bytes = read_input(path);
  if (looks_like_zip(bytes))
    return read_population_table(read_xlsx(bytes, display_name(path), sheet, diag), diag);
  return read_populations(bytes, display_name(path), diag);
}

}  // namespace

void add_populations(std::vector<Entity>& entities, const std::vector<std::string>& populations,
                     Diagnostics& diag, const std::string& sheet) {
  for (const std::string& path : populations)
    add_population_records(entities, read_population_file(path, sheet, diag), diag);
}

namespace {

// Tells, in one message, the Comuni that `year` has no population for.
void report_missing_populations(const std::vector<std::string>& missing, int year,
                                Diagnostics& diag) {
  if (!missing.empty()) {
    diag.error({}, fmt::format("no population at 31 December {} for {} Comune(s): {}; add a "
                               "population_{} column to the entities file, or give it with "
                               "--populations",
                               year, missing.size(), fmt::join(missing, ", "), year));
  }
}

// Sets the residents of `year` on `e`; a Comune without them joins `missing`.
void use_population_or_note(Entity& e, int year, std::vector<std::string>& missing) {
  use_population_of(e, year);
  if (carries_population(e.type) && !e.population)
    missing.push_back(fmt::format("{} ({})", e.id, e.name));
}

}  // namespace

std::vector<Entity> with_populations_of(const std::vector<Entity>& entities, int year,
                                        Diagnostics& diag) {
  std::vector<Entity> out = entities;
  std::vector<std::string> missing;
  for (Entity& e : out) use_population_or_note(e, year, missing);
  report_missing_populations(missing, year, diag);
  return out;
}

void use_populations_or_fail(const std::vector<Entity*>& entities, int year) {
  Diagnostics diag;
  std::vector<std::string> missing;
  for (Entity* e : entities) use_population_or_note(*e, year, missing);
  report_missing_populations(missing, year, diag);
  report_diagnostics(diag);
}

std::vector<Entity> with_populations_or_fail(const std::vector<Entity>& entities, int year) {
  Diagnostics diag;
  std::vector<Entity> out = with_populations_of(entities, year, diag);
  report_diagnostics(diag);
  return out;
}

std::vector<UsageRecord> read_usage_files(const std::vector<std::string>& paths,
                                          const Tariff& tariff, Diagnostics& diag,
                                          const std::string& sheet) {
  check_single_stdin(paths);
  std::vector<UsageRecord> records;
  WideRowIndex wide_rows;
  for (const std::string& path : paths) {
    CsvTable table = read_table(path, sheet, diag);
    std::vector<UsageRecord> some = read_usage(table, tariff, wide_rows, diag);
    records.insert(records.end(), some.begin(), some.end());
  }
  return records;
}

UsageLedger load_ledger_or_fail(const std::vector<std::string>& paths,
                                const std::vector<std::string>& events,
                                const std::vector<Entity>& entities, const Tariff& tariff,
                                std::optional<Period> last, const std::string& sheet) {
  Diagnostics diag;
  std::vector<UsageRecord> records = read_usage_files(paths, tariff, diag, sheet);
  LedgerNotes notes;
  UsageLedger ledger = build_ledger(records, entities, tariff, last, diag, notes);
  for (const auto& [file, lines] : notes.lines_before_convention) {
    diag.warning({file, 0, 0},
                 fmt::format("{} row(s) before {} belong to the previous convention: ignored, they "
                             "use none of the new allowances",
                             lines.size(), tariff.convention_start));
  }
  add_events(events, entities, tariff, last, ledger, diag);
  report_diagnostics(diag);
  return ledger;
}

namespace {

// Same size first: only files that could be copies are read for their digest.
bool same_content(const std::string& a, const std::string& b) {
  std::error_code ec_a, ec_b;
  const auto size_a = std::filesystem::file_size(a, ec_a);
  const auto size_b = std::filesystem::file_size(b, ec_b);
  if (ec_a || ec_b || size_a != size_b) return false;
  return file_sha256(a) == file_sha256(b);
}

}  // namespace

void check_single_stdin(const std::vector<std::string>& paths) {
  int count = 0;
  for (const auto& p : paths) count += p == "-";
  if (count > 1) throw Error(Failure::kBadUsage, "standard input (-) can be read only once");
  // The same file twice, or a copy of it, would count its usage twice.
  for (std::size_t i = 0; i < paths.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (paths[i] == "-" || paths[j] == "-") continue;
      std::error_code ec;
      if (std::filesystem::equivalent(paths[i], paths[j], ec)) {
        throw Error(Failure::kBadUsage,
                    fmt::format("{} is given twice: its usage would be counted twice", paths[i]));
      }
      if (same_content(paths[i], paths[j])) {
        throw Error(Failure::kBadUsage,
                    fmt::format("{} holds the same bytes as {}: its usage would be counted twice",
                                paths[i], paths[j]));
      }
    }
  }
}

}  // namespace citfee
