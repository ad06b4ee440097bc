#include "input/populations.hpp"

#include <cctype>
#include <initializer_list>
#include <map>
#include <optional>

#include <fmt/format.h>

#include "core/count.hpp"
#include "core/entity.hpp"
#include "core/text.hpp"
#include "input/csv.hpp"
#include "input/header.hpp"
#include "input/text_encoding.hpp"

namespace citfee {

namespace {

constexpr std::string_view kExample = "id,year,population";

// The first line, without a BOM.
std::string_view first_line(std::string_view text) {
  if (text.substr(0, kBom.size()) == kBom) text.remove_prefix(kBom.size());
  return text.substr(0, text.find_first_of("\r\n"));
}

// Empties the line [start, end) but keeps its line break, so that the CSV
// reader skips it and line numbers stay those of the file.
void blank(std::string& text, std::size_t start, std::size_t end) {
  text.erase(start, end - start);
}

// Nothing but a BOM and line breaks.
bool is_blank_text(std::string_view text) {
  if (text.substr(0, kBom.size()) == kBom) text.remove_prefix(kBom.size());
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

bool is_header_of_table(std::string_view line) {
  const std::string lower = lower_trimmed(line);
  return lower.find("codice") != std::string::npos || lower.find("istat") == 0 ||
         lower.find("id") == 0 || lower.find("\"id\"") == 0;
}

// The year a title names after `after` ("gennaio 2026"), or any year in it.
std::optional<int> year_in(std::string_view title, std::string_view after) {
  std::size_t from = std::string(lower_trimmed(title)).find(after);
  if (from == std::string::npos) from = 0;
  for (std::size_t i = from; i + 4 <= title.size(); ++i) {
    const std::string_view four = title.substr(i, 4);
    if (four.find_first_not_of("0123456789") != std::string_view::npos) continue;
    const bool alone =
        (i == 0 || !std::isdigit(static_cast<unsigned char>(title[i - 1]))) &&
        (i + 4 == title.size() || !std::isdigit(static_cast<unsigned char>(title[i + 4])));
    if (alone) return std::stoi(std::string(four));
  }
  return std::nullopt;
}

int first_column(const CsvTable& t, std::initializer_list<std::string_view> names) {
  for (std::string_view n : names) {
    if (int c = t.column(n); c >= 0) return c;
  }
  return -1;
}

std::int64_t count_cell(const CsvTable& t, const CsvRow& row, int column, std::string_view what,
                        Diagnostics& diag, bool& ok) {
  try {
    return parse_count(cell_text(row, column), what, true, kMaxPopulation);
  } catch (const ValueError& e) {
    diag.error(t.at(row, column), e.what());
    ok = false;
    return 0;
  }
}

// Populations written with Italian thousands dots ("196.670"), as an Italian
// spreadsheet shows a formatted column: read as whole numbers and told once
// per file.
class DottedFigures {
 public:
  // `text` without its dots when it is so written, else as it is.
  std::string undotted(const std::string& text, int line) {
    const std::optional<std::string> digits = dot_grouped_digits(text);
    if (!digits) return text;
    if (++count_ <= 3) shown_.push_back(fmt::format("{} as {} (line {})", text, *digits, line));
    return *digits;
  }

  void report(const std::string& file, Diagnostics& diag) const {
    if (count_ == 0) return;
    std::string list;
    for (const std::string& s : shown_) list += (list.empty() ? "" : ", ") + s;
    if (count_ > shown_.size()) list += fmt::format(" and {} more", count_ - shown_.size());
    diag.note(
        {file, 0, 0},
        fmt::format("populations written with a thousands dot read as whole numbers: {}", list));
  }

 private:
  std::vector<std::string> shown_;
  std::size_t count_ = 0;
};

// `file` is the table's name, shared by every figure read from it.
PopulationRecord record(const CsvTable& t, const SourceFile& file, const CsvRow& row,
                        int code_column, std::int64_t residents, int year,
                        PopulationSource source) {
  PopulationRecord r;
  r.code = cell_text(row, code_column);
  r.numeric = r.code.size() < 6 && r.code.find_first_not_of("0123456789") == std::string::npos;
  r.figure = {residents, year, source, file, {row.line, code_column + 1, t.column_letters}};
  return r;
}

std::vector<PopulationRecord> read_long(const CsvTable& t, Diagnostics& diag) {
  std::vector<PopulationRecord> out;
  const int code = first_column(t, {"id", "codice", "codice_istat", "istat"});
  const int year = first_column(t, {"year", "anno"});
  const int pop = first_column(t, {"population", "popolazione", "abitanti"});
  if (code < 0 || year < 0 || pop < 0) {
    diag.error({t.file, t.header_line, 0},
               fmt::format("the header is not a populations layout: expected e.g. {} (or an "
                           "ISTAT file with its title line)",
                           kExample));
    return out;
  }
  DottedFigures dotted;
  const SourceFile file(t.file);
  for (const CsvRow& row : t.rows) {
    bool ok = true;
    const std::int64_t y = count_cell(t, row, year, "year", diag, ok);
    if (ok && (y < 1900 || y > 9999)) {
      diag.error(t.at(row, year), fmt::format("year {} is not a year, e.g. 2025", y));
      ok = false;
    }
    std::int64_t residents = 0;
    try {
      residents = parse_population(dotted.undotted(cell_text(row, pop), row.line));
    } catch (const ValueError& e) {
      diag.error(t.at(row, pop), e.what());
      ok = false;
    }
    if (cell_text(row, code).empty()) {
      diag.error(t.at(row, code), "id is empty: write the entity's id or ISTAT code");
      ok = false;
    }
    if (ok) {
      out.push_back(record(t, file, row, code, residents, static_cast<int>(y),
                           PopulationSource::kPopulationsFile));
    }
  }
  dotted.report(t.file, diag);
  return out;
}

// Ages 0-100 and the row of age 999 with the total, per Comune.
struct AgeSum {
  const CsvRow* first = nullptr;
  std::int64_t sum = 0;
  std::optional<std::int64_t> total;
  const CsvRow* total_row = nullptr;
};

std::vector<PopulationRecord> read_posas(const CsvTable& t, int year, Diagnostics& diag) {
  std::vector<PopulationRecord> out;
  const int code = t.column("codice comune");
  const int age = t.column("età");
  const int total = t.column("totale");
  const int males = t.column("totale maschi");
  const int females = t.column("totale femmine");
  if (code < 0 || age < 0 || (total < 0 && (males < 0 || females < 0))) {
    diag.error({t.file, t.header_line, 0},
               "the ISTAT header needs \"Codice comune\", \"Età\" and \"Totale\" (or \"Totale "
               "Maschi\" and \"Totale Femmine\")");
    return out;
  }
  std::map<std::string, AgeSum> by_code;
  std::vector<std::string> order;
  for (const CsvRow& row : t.rows) {
    bool ok = true;
    const std::int64_t a = count_cell(t, row, age, "Età", diag, ok);
    std::int64_t n = 0;
    if (total >= 0) {
      n = count_cell(t, row, total, "Totale", diag, ok);
    } else {
      n = count_cell(t, row, males, "Totale Maschi", diag, ok) +
          count_cell(t, row, females, "Totale Femmine", diag, ok);
    }
    if (!ok) continue;
    const std::string c = cell_text(row, code);
    auto [it, fresh] = by_code.try_emplace(c);
    if (fresh) order.push_back(c);
    AgeSum& s = it->second;
    if (!s.first) s.first = &row;
    if (a == 999) {
      s.total = n;
      s.total_row = &row;
    } else if (a <= 100) {
      s.sum += n;
    } else {
      diag.error(t.at(row, age), fmt::format("Età {} is neither an age 0-100 nor 999", a));
    }
  }
  const SourceFile file(t.file);
  for (const std::string& c : order) {
    const AgeSum& s = by_code[c];
    if (s.total && *s.total != s.sum) {
      diag.error(t.at(*s.total_row, total >= 0 ? total : males),
                 fmt::format("the total of Comune {} (Età 999) is {} but its ages 0-100 add up to "
                             "{}: the file is damaged or edited",
                             c, *s.total, s.sum));
      continue;
    }
    const CsvRow& row = s.total_row ? *s.total_row : *s.first;
    const std::int64_t residents = s.total ? *s.total : s.sum;
    if (residents <= 0) continue;  // a Comune with no residents has no fee to compute
    out.push_back(record(t, file, row, code, residents, year - 1, PopulationSource::kIstatPosas));
  }
  return out;
}

std::vector<PopulationRecord> read_p2(const CsvTable& t, int year, Diagnostics& diag) {
  std::vector<PopulationRecord> out;
  const int code = first_column(t, {"codice comune", "id"});
  const int pop = t.column("popolazione al 31 dicembre - totale");
  if (code < 0) {
    diag.error({t.file, t.header_line, 0}, "the ISTAT header needs a \"Codice comune\" column");
    return out;
  }
  const SourceFile file(t.file);
  for (const CsvRow& row : t.rows) {
    if (cell_text(row, code).empty()) continue;  // a total of the province
    bool ok = true;
    const std::int64_t n = count_cell(t, row, pop, "Popolazione al 31 dicembre", diag, ok);
    if (ok && n > 0) out.push_back(record(t, file, row, code, n, year, PopulationSource::kIstatP2));
  }
  return out;
}

void warn_if_provisional(std::string_view title, const std::string& file, Diagnostics& diag) {
  const std::string lower = lower_trimmed(title);
  const bool estimate = lower.find("stima") != std::string::npos;
  if (estimate || lower.find("provvisori") != std::string::npos) {
    diag.warning({file, 1, 0},
                 fmt::format("the title says the figures are {}: bills computed from them may "
                             "need a correction when ISTAT publishes the final ones",
                             estimate ? "an estimate (stima)" : "provisional"));
  }
}

// An ISTAT file: the title line, the table, maybe a note line at the end.
std::vector<PopulationRecord> read_istat(std::string text, const std::string& file,
                                         Diagnostics& diag) {
  std::size_t start = text.compare(0, kBom.size(), kBom) == 0 ? kBom.size() : 0;
  const std::size_t title_end = text.find_first_of("\r\n", start);
  std::string title = text.substr(start, title_end - start);
  for (char& c : title) c = c == '"' || c == ';' ? ' ' : c;
  blank(text, start, title_end == std::string::npos ? text.size() : title_end);
  // The note line at the end holds no delimiter.
  const std::size_t body_start = text.find_first_not_of(" \r\n", start);
  const char delimiter =
      detect_delimiter(body_start == std::string::npos ? "" : text.substr(body_start));
  std::size_t end = text.find_last_not_of(" \r\n");
  if (end != std::string::npos) {
    const std::size_t line_start = text.find_last_of("\r\n", end);
    const std::size_t from = line_start == std::string::npos ? 0 : line_start + 1;
    if (from > body_start && text.find(delimiter, from) == std::string::npos)
      blank(text, from, end + 1);
  }
  const CsvTable t = parse_csv(text, file, diag);
  const bool p2 = t.column("popolazione al 31 dicembre - totale") >= 0;
  const std::optional<int> year = year_in(title, p2 ? "anno" : "gennaio");
  if (!year) {
    diag.error({file, 1, 0}, fmt::format("the title line \"{}\" names no year: ISTAT files begin "
                                         "with e.g. \"Popolazione residente al 1° gennaio 2026\"",
                                         std::string(trimmed(title))));
    return {};
  }
  warn_if_provisional(title, file, diag);
  return p2 ? read_p2(t, *year, diag) : read_posas(t, *year, diag);
}

}  // namespace

std::vector<PopulationRecord> read_population_table(const CsvTable& t, Diagnostics& diag) {
  if (t.column("età") >= 0) {
    diag.error({t.file, t.header_line, 0},
               "an ISTAT file without its title line: the year is in the title (\"Popolazione "
               "residente al 1° gennaio 2026\"); put it back");
    return {};
  }
  return read_long(t, diag);
}

std::vector<PopulationRecord> read_populations(std::string_view bytes, const std::string& file,
                                               Diagnostics& diag) {
  // ISTAT's older files, and spreadsheets saved on Windows.
  std::string text = decode_input(std::string(bytes), file, diag);
  if (is_blank_text(text)) {
    diag.error({file, 0, 0}, fmt::format("the file is empty: expected e.g. {}", kExample));
    return {};
  }
  if (is_header_of_table(first_line(text)))
    return read_population_table(parse_csv(text, file, diag), diag);
  return read_istat(std::move(text), file, diag);
}

}  // namespace citfee
