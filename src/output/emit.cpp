#include "output/emit.hpp"

#include <sys/stat.h>

#include <memory>

#include <fmt/format.h>

#include "core/error.hpp"
#include "output/atomic_file.hpp"
#include "present/labels.hpp"

namespace citfee {

namespace {

bool to_stdout(const std::string& output) {
  return output.empty() || output == "-";
}

bool to_stdout(const ReportOptions& options) {
  return to_stdout(options.output);
}

// A binary format on a terminal would only garble the screen.
void refuse_binary_on_terminal(const OutputFormat& format, const ReportOptions& options) {
  if (to_stdout(options) ? stdout_is_terminal() : is_terminal(options.output)) {
    throw Error(Failure::kBadUsage,
                fmt::format("{} output is binary and will not be written to a terminal: write it "
                            "to a file with -o fees.{}, or redirect standard output",
                            format.name, format.extension));
  }
}

const OutputFormat& format_of_output_file(const std::string& out) {
  const std::size_t dot = out.find_last_of('.');
  const std::size_t slash = out.find_last_of('/');
  if (dot != std::string::npos && (slash == std::string::npos || dot > slash)) {
    if (const OutputFormat* f = format_of_extension(std::string_view(out).substr(dot + 1)))
      return *f;
  }
  // A device or pipe (/dev/stdout) has no extension to go by: as for stdout.
  struct stat st {};
  if (::stat(out.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))
    return *format_named("csv");
  throw Error(Failure::kBadUsage,
              fmt::format("cannot tell the format of \"{}\" from its extension: use {}, or say "
                          "it with -O",
                          out, format_list(true)));
}

// A workbook's sheets have Italian names, so its headers are Italian unless
// --lang en asks otherwise; every other format is English unless --lang it.
bool italian(const ReportOptions& options, const OutputFormat& format) {
  if (options.lang.empty()) return format.name == std::string_view("xlsx");
  return options.lang == "it";
}

WriteOptions write_options_of(const ReportOptions& options, const OutputFormat& format) {
  WriteOptions write_options;
  write_options.decimal_mark = options.decimal_comma ? ',' : '.';
  write_options.day_first_dates = italian(options, format);
  return write_options;
}

}  // namespace

void write_text(const std::string& text, const std::string& output) {
  if (to_stdout(output)) {
    write_stdout(text);
  } else {
    write_file_atomically(output, text);
  }
}

const OutputFormat& output_format(const ReportOptions& options) {
  const OutputFormat* format = nullptr;
  if (!options.format.empty()) {
    format = format_named(options.format);
  } else if (!to_stdout(options)) {
    format = &format_of_output_file(options.output);
  }
  if (!format) format = format_named(stdout_is_terminal() ? "table" : "csv");
  if (format->binary) refuse_binary_on_terminal(*format, options);
  return *format;
}

RenderedReport render_report(Report report, const ReportOptions& options,
                             std::vector<Report> more_sheets) {
  const OutputFormat& format = output_format(options);
  const WriteOptions write_options = write_options_of(options, format);
  std::vector<Report> reports;
  reports.reserve(1 + more_sheets.size());
  reports.push_back(std::move(report));
  for (Report& sheet : more_sheets) reports.push_back(std::move(sheet));
  if (italian(options, format)) {
    for (Report& r : reports) r = with_italian_labels(std::move(r));
  }
  return {format.write(reports, write_options), options.output};
}

void write_report(const RenderedReport& rendered) {
  write_text(rendered.text, rendered.output);
}

std::unique_ptr<StagedFile> stage_report(const RenderedReport& rendered) {
  return std::make_unique<StagedFile>(rendered.output, rendered.text);
}

void emit(Report report, const ReportOptions& options, std::vector<Report> more_sheets) {
  write_report(render_report(std::move(report), options, std::move(more_sheets)));
}

void emit_tables(std::vector<Report> reports, const ReportOptions& options) {
  const OutputFormat& format = output_format(options);
  if (italian(options, format)) {
    for (Report& r : reports) r = with_italian_labels(std::move(r));
  }
  write_text(render_tables(format, reports, write_options_of(options, format)), options.output);
}

}  // namespace citfee
