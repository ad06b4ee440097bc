#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "citfee/csv.hpp"
#include "citfee/entities_csv.hpp"
#include "citfee/file_io.hpp"
#include "citfee/report_labels.hpp"
#include "citfee/tariff_source.hpp"
#include "citfee/usage_csv.hpp"
#include "cli.hpp"
#include "office.hpp"

namespace citfee::cli {

void add_tariff_option(CLI::App& cmd, CommonOptions& options) {
  cmd.add_option("--tariff", options.tariff,
                 "Tariff file, or directory of tariff files (default: the tariffs built in)");
}

void add_output_options(CLI::App& cmd, CommonOptions& options) {
  cmd.add_option("-O,--output-format", options.format,
                 "table, csv, tsv, json or xlsx (default: table on a terminal, csv otherwise, "
                 "or from -o's extension)")
      ->check(CLI::IsMember({"table", "csv", "tsv", "json", "xlsx"}));
  cmd.add_option("-o,--output", options.output, "Write to FILE (written whole, or not at all)");
  cmd.add_flag(
      "--decimal-comma", options.decimal_comma,
      "Use ',' as decimal mark and ';' between CSV fields, as Italian spreadsheets expect");
  cmd.add_option("--lang", options.lang,
                 "Column headers: en (the names scripts rely on, default) or it (Italian)")
      ->check(CLI::IsMember({"en", "it"}));
}

Date today() {
  if (const char* fixed = std::getenv("CITFEE_TODAY"); fixed && *fixed) {
    try {
      return parse_date(fixed);
    } catch (const ValueError& e) {
      throw Error(Failure::kBadUsage, fmt::format("CITFEE_TODAY: {}", e.what()));
    }
  }
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

void report_diagnostics(const Diagnostics& diag) {
  for (const auto& w : diag.warnings) std::cerr << "citfee: warning: " << w.str() << '\n';
  if (diag.ok()) return;
  for (const auto& e : diag.errors) std::cerr << "citfee: " << e.str() << '\n';
  std::string summary =
      diag.errors.size() == 1 ? "" : fmt::format("{} problems found", diag.errors.size());
  throw Error(Failure::kBadData, summary);
}

std::vector<Tariff> load_tariffs_or_fail(const std::string& path) {
  Diagnostics diag;
  std::vector<Tariff> tariffs = load_tariffs(path, diag);
  report_diagnostics(diag);
  return tariffs;
}

std::vector<Entity> load_entities_or_fail(const std::string& path) {
  Diagnostics diag;
  CsvTable table = parse_csv(read_input(path), display_name(path), diag);
  std::vector<Entity> entities = read_entities(table, diag);
  report_diagnostics(diag);
  return entities;
}

std::vector<UsageRecord> read_usage_files(const std::vector<std::string>& paths,
                                          const Tariff& tariff, Diagnostics& diag) {
  check_single_stdin(paths);
  std::vector<UsageRecord> records;
  WideRowIndex wide_rows;
  for (const std::string& path : paths) {
    CsvTable table = parse_csv(read_input(path), display_name(path), diag);
    std::vector<UsageRecord> some = read_usage(table, tariff, wide_rows, diag);
    records.insert(records.end(), some.begin(), some.end());
  }
  return records;
}

UsageLedger load_ledger_or_fail(const std::vector<std::string>& paths,
                                const std::vector<std::string>& events,
                                const std::vector<Entity>& entities, const Tariff& tariff,
                                std::optional<Period> last) {
  Diagnostics diag;
  std::vector<UsageRecord> records = read_usage_files(paths, tariff, diag);
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

Period last_completed_period() {
  Date d = today();
  return d.month >= 7 ? Period{d.year, Half::H1} : Period{d.year - 1, Half::H2};
}

Period period_option(const std::string& text) {
  try {
    return Period::parse(text);
  } catch (const ValueError& e) {
    throw Error(Failure::kBadUsage, fmt::format("--period: {}", e.what()));
  }
}

namespace {

Format format_from_name(const std::string& name) {
  if (name == "csv") return Format::kCsv;
  if (name == "tsv") return Format::kTsv;
  if (name == "json") return Format::kJson;
  if (name == "xlsx") return Format::kXlsx;
  return Format::kTable;
}

// A workbook is binary: on a terminal it would only garble the screen.
void refuse_binary_on_terminal(const CommonOptions& options) {
  const bool to_stdout = options.output.empty() || options.output == "-";
  if (to_stdout ? stdout_is_terminal() : is_terminal(options.output)) {
    throw Error(Failure::kBadUsage,
                "xlsx output is binary and will not be written to a terminal: write it to a file "
                "with -o fees.xlsx, or redirect standard output");
  }
}

Format format_of(const CommonOptions& options) {
  if (!options.format.empty()) return format_from_name(options.format);
  if (!options.output.empty()) {
    const std::string& out = options.output;
    std::string ext =
        out.substr(out.find_last_of('.') == std::string::npos ? out.size() : out.find_last_of('.'));
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".csv") return Format::kCsv;
    if (ext == ".tsv") return Format::kTsv;
    if (ext == ".json") return Format::kJson;
    if (ext == ".txt") return Format::kTable;
    if (ext == ".xlsx") return Format::kXlsx;
    // A device or pipe (/dev/stdout) has no extension to go by: as for stdout.
    struct stat st {};
    if (::stat(out.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))
      return Format::kCsv;
    throw Error(Failure::kBadUsage,
                fmt::format("cannot tell the format of \"{}\" from its extension: use .csv, .tsv, "
                            ".json, .txt or .xlsx, or say it with -O",
                            out));
  }
  return stdout_is_terminal() ? Format::kTable : Format::kCsv;
}

}  // namespace

Format resolve_format(const CommonOptions& options) {
  const Format format = format_of(options);
  if (format == Format::kXlsx) {
    refuse_binary_on_terminal(options);
    need_office();
  }
  return format;
}

void emit(Report report, const CommonOptions& options, std::vector<Report> more_sheets) {
  WriteOptions write_options;
  write_options.decimal_mark = options.decimal_comma ? ',' : '.';
  std::vector<Report> reports;
  reports.reserve(1 + more_sheets.size());
  reports.push_back(std::move(report));
  for (Report& sheet : more_sheets) reports.push_back(std::move(sheet));
  if (options.lang == "it") {
    for (Report& r : reports) r = with_italian_labels(std::move(r));
  }
  const Format format = resolve_format(options);
  const std::string text = format == Format::kXlsx ? write_xlsx(reports, write_options)
                                                   : render(reports.front(), format, write_options);
  if (options.output.empty() || options.output == "-") {
    write_stdout(text);
  } else {
    write_file_atomically(options.output, text);
  }
}

void check_single_stdin(const std::vector<std::string>& paths) {
  int count = 0;
  for (const auto& p : paths) count += p == "-";
  if (count > 1) throw Error(Failure::kBadUsage, "standard input (-) can be read only once");
  // The same file twice would count its usage twice.
  for (std::size_t i = 0; i < paths.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      std::error_code ec;
      if (paths[i] != "-" && std::filesystem::equivalent(paths[i], paths[j], ec)) {
        throw Error(Failure::kBadUsage,
                    fmt::format("{} is given twice: its usage would be counted twice", paths[i]));
      }
    }
  }
}

}  // namespace citfee::cli
