#include "output/formats.hpp"

#include <cctype>

#include "output/delimited.hpp"
#include "output/json.hpp"
#include "output/table.hpp"
#include "output/xlsx.hpp"

namespace citfee {

namespace {

std::string table(const std::vector<Report>& reports, const WriteOptions& options) {
  return write_table(reports.front(), options);
}

// With a decimal comma, fields are separated by ';', as Italian spreadsheets expect.
std::string csv(const std::vector<Report>& reports, const WriteOptions& options) {
  return write_delimited(reports.front(), options.decimal_mark == ',' ? ';' : ',', options);
}

std::string tsv(const std::vector<Report>& reports, const WriteOptions& options) {
  return write_delimited(reports.front(), '\t', options);
}

std::string json(const std::vector<Report>& reports, const WriteOptions&) {
  return write_json(reports.front());
}

bool same_letters(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != b[i]) return false;
  }
  return true;
}

}  // namespace

const std::vector<OutputFormat>& output_formats() {
  static const std::vector<OutputFormat> formats = {
      {"table", "txt", false, table},     {"csv", "csv", false, csv},
      {"tsv", "tsv", false, tsv},         {"json", "json", false, json},
      {"xlsx", "xlsx", true, write_xlsx},
  };
  return formats;
}

const OutputFormat* format_named(std::string_view name) {
  for (const OutputFormat& f : output_formats()) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

const OutputFormat* format_of_extension(std::string_view extension) {
  for (const OutputFormat& f : output_formats()) {
    if (same_letters(extension, f.extension)) return &f;
  }
  return nullptr;
}

std::string render(const Report& report, std::string_view name, const WriteOptions& options) {
  return format_named(name)->write({report}, options);
}

std::string render_tables(const OutputFormat& format, const std::vector<Report>& reports,
                          const WriteOptions& options) {
  if (format.binary) return format.write(reports, options);
  const bool json = format.name == "json";
  std::string out = json ? "[\n" : "";
  for (std::size_t i = 0; i < reports.size(); ++i) {
    if (i > 0) out += json ? ",\n" : "\n";
    std::string one = format.write({reports[i]}, options);
    if (json && !one.empty() && one.back() == '\n') one.pop_back();
    out += one;
  }
  return json ? out + "\n]\n" : out;
}

std::string format_list(bool extensions) {
  const auto& formats = output_formats();
  std::string list;
  for (std::size_t i = 0; i < formats.size(); ++i) {
    if (i > 0) list += i + 1 == formats.size() ? " or " : ", ";
    if (extensions) list += ".";
    list += extensions ? formats[i].extension : formats[i].name;
  }
  return list;
}

}  // namespace citfee
