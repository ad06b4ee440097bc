// The one table of output formats: the name -O takes, the extension -o is
// known by, and the writer. The help, the completion and the man page tests
// read it through `citfee --help`.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "output/write_options.hpp"
#include "present/report.hpp"

namespace citfee {

// Writes a run's reports: the first is the report; a workbook also holds the
// others as sheets, a text format writes the first alone.
using Writer = std::string (*)(const std::vector<Report>& reports, const WriteOptions& options);

struct OutputFormat {
  std::string_view name;       // -O NAME
  std::string_view extension;  // -o FILE.EXTENSION, without the dot
  bool binary;                 // never written to a terminal
  Writer write;
};

const std::vector<OutputFormat>& output_formats();

// The format called `name`; nullptr when there is none.
const OutputFormat* format_named(std::string_view name);
// The format whose extension is `extension` (no dot, any case); nullptr when none.
const OutputFormat* format_of_extension(std::string_view extension);

// Several tables of one run (summary): a workbook has one sheet each; JSON
// is an array of the tables' objects; a table, CSV or TSV gives each table in
// turn, a blank line between them.
std::string render_tables(const OutputFormat& format, const std::vector<Report>& reports,
                          const WriteOptions& options);

// One report in the format called `name`, which must be in the table.
std::string render(const Report& report, std::string_view name, const WriteOptions& options);

// "table, csv, tsv, json or xlsx", for help and messages; with `extensions`, the
// extensions instead: ".txt, .csv, .tsv, .json or .xlsx".
std::string format_list(bool extensions = false);

}  // namespace citfee
