// Writing a command's report: in the format the options choose, whole or not at all.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "output/atomic_file.hpp"
#include "output/formats.hpp"
#include "present/report.hpp"

namespace citfee {

// Where and how a command's report is written: -O, -o, --decimal-comma, --lang.
struct ReportOptions {
  std::string format;  // a name of the formats table; empty to choose
  std::string output;  // file; empty for standard output
  bool decimal_comma = false;
  std::string lang;  // en or it; empty: Italian in a workbook, English elsewhere
};

// The output format: -O, else -o's extension, else table on a terminal and
// csv otherwise. Throws kBadUsage for an extension it cannot read, and for a
// binary format going to a terminal.
const OutputFormat& output_format(const ReportOptions& options);

// Writes `text` to the file `output` whole or not at all, or to standard
// output when `output` is empty or "-".
void write_text(const std::string& text, const std::string& output);

// A report rendered and not yet written: where it goes (empty or "-" for
// standard output) and its whole text. A run renders before it commits the
// books, and writes after.
struct RenderedReport {
  std::string text;
  std::string output;
};

// Renders the report in the chosen format, with `more_sheets` in a workbook.
RenderedReport render_report(Report report, const ReportOptions& options,
                             std::vector<Report> more_sheets = {});
// Writes a rendered report whole, or not at all.
void write_report(const RenderedReport& rendered);
// The report written under a temporary name (a file) or kept (standard
// output), to be placed after the books' commit.
std::unique_ptr<StagedFile> stage_report(const RenderedReport& rendered);

// Renders the report in the chosen format and writes it whole, or not at all.
// A workbook also holds `more_sheets`, other views of the same run. Taken by
// value, moved in: a report of thousands of rows is not copied.
void emit(Report report, const ReportOptions& options, std::vector<Report> more_sheets = {});

// Several tables of one run, written together as render_tables does.
void emit_tables(std::vector<Report> reports, const ReportOptions& options);

}  // namespace citfee
