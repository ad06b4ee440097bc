#include "input/csv.hpp"

#include <fmt/format.h>

#include "core/text.hpp"
#include "input/header.hpp"
#include "input/header_names.hpp"

namespace citfee {

namespace {

// Splits the text into records, one field at a time. Keeps its place so that
// every problem can name a line.
class Scanner {
 public:
  Scanner(std::string_view text, char delimiter, const std::string& file, Diagnostics& diag,
          std::size_t pos = 0, int line = 1)
      : text_(text), delimiter_(delimiter), file_(file), diag_(diag), pos_(pos), line_(line) {}

  bool done() const { return pos_ >= text_.size(); }
  std::size_t pos() const { return pos_; }
  int line() const { return line_; }
  // Whether the last record ended with a line end, not with the text.
  bool ended_line() const { return ended_line_; }

  // Reads one record; false if it had a syntax error (already reported).
  bool next(CsvRow& row) {
    row.line = line_;
    row.fields.clear();
    ended_line_ = false;
    bool ok = true;
    while (true) {
      std::string field;
      ok = read_field(field) && ok;
      row.fields.push_back(std::move(field));
      if (pos_ >= text_.size()) return ok;
      char c = text_[pos_];
      if (c == delimiter_) {
        ++pos_;
        continue;
      }
      end_line();
      return ok;
    }
  }

 private:
  // Consumes "\n", "\r\n" or a lone "\r".
  void end_line() {
    if (text_[pos_] == '\r') ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
    ++line_;
    ended_line_ = true;
  }

  bool at_field_end() const {
    if (pos_ >= text_.size()) return true;
    char c = text_[pos_];
    return c == delimiter_ || c == '\n' || c == '\r';
  }

  bool read_field(std::string& out) {
    if (pos_ < text_.size() && text_[pos_] == '"') return read_quoted(out);
    while (!at_field_end()) out += text_[pos_++];
    return true;
  }

  bool read_quoted(std::string& out) {
    const int start_line = line_;
    ++pos_;  // opening quote
    while (pos_ < text_.size()) {
      char c = text_[pos_++];
      if (c == '"') {
        if (pos_ < text_.size() && text_[pos_] == '"') {
          out += '"';
          ++pos_;
          continue;
        }
        if (at_field_end()) return true;
        diag_.error(
            {file_, line_, 0},
            "text after a closing quote: a quote inside a quoted field is written twice (\"\")");
        skip_to_field_end();
        return false;
      }
      if (c == '\n') ++line_;
      if (c == '\r' && (pos_ >= text_.size() || text_[pos_] != '\n')) ++line_;
      out += c;
    }
    diag_.error({file_, start_line, 0},
                "a quoted field is never closed: add the closing quote (\")");
    return false;
  }

  void skip_to_field_end() {
    while (!at_field_end()) ++pos_;
  }

  std::string_view text_;
  char delimiter_;
  const std::string& file_;
  Diagnostics& diag_;
  std::size_t pos_ = 0;
  int line_ = 1;
  bool ended_line_ = false;
};

bool check_utf8(const CsvTable& table, const CsvRow& row, Diagnostics& diag) {
  for (std::size_t i = 0; i < row.fields.size(); ++i) {
    std::size_t bad = find_invalid_utf8(row.fields[i]);
    if (bad == std::string::npos) continue;
    diag.error(
        table.at(row, static_cast<int>(i)),
        fmt::format("byte 0x{:02X} is not UTF-8: save the file as UTF-8 (in Excel, \"CSV UTF-8\")",
                    static_cast<unsigned char>(row.fields[i][bad])));
    return false;
  }
  return true;
}

// A NUL cuts a name in a workbook or a letter, and an escape sequence
// rewrites the terminal that shows it: neither has a place in a field.
bool check_controls(const CsvTable& table, const CsvRow& row, Diagnostics& diag) {
  for (std::size_t i = 0; i < row.fields.size(); ++i) {
    const std::string_view field = row.fields[i];
    const std::size_t bad = find_control(field);
    if (bad == std::string::npos) continue;
    const std::size_t width = static_cast<unsigned char>(field[bad]) == 0xC2 ? 2 : 1;  // C1
    diag.error(table.at(row, static_cast<int>(i)),
               fmt::format("a control character ({}) in a field: remove it",
                           escape_controls(field.substr(bad, width))));
    return false;
  }
  return true;
}

bool check_text(const CsvTable& table, const CsvRow& row, Diagnostics& diag) {
  return check_utf8(table, row, diag) && check_controls(table, row, diag);
}

// Spreadsheets often export trailing columns with no name and no values
// ("id,name,,"): they carry nothing and are dropped. A nameless column that
// holds a value is kept, for the reader to reject.
void drop_empty_columns(CsvTable& table) {
  while (!table.header.empty() && table.header.back().empty()) {
    const std::size_t last = table.header.size() - 1;
    for (const CsvRow& row : table.rows) {
      if (!row.fields[last].empty()) return;
    }
    table.header.pop_back();
    for (CsvRow& row : table.rows) row.fields.pop_back();
  }
}

}  // namespace

int CsvTable::column(std::string_view name) const {
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return static_cast<int>(i);
  }
  return -1;
}

char detect_delimiter(std::string_view header_line) {
  int commas = 0;
  int semicolons = 0;
  int tabs = 0;
  bool quoted = false;
  for (char c : header_line) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' || c == '\r') break;
    if (c == ',') ++commas;
    if (c == ';') ++semicolons;
    if (c == '\t') ++tabs;
  }
  // Excel's "Testo Unicode" and citfee's own TSV separate by tabs.
  if (tabs > commas && tabs > semicolons) return '\t';
  return semicolons > commas ? ';' : ',';
}

std::size_t find_invalid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int extra = 0;
    unsigned min = 0;
    unsigned cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      extra = 1, min = 0x80, cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2, min = 0x800, cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3, min = 0x10000, cp = c & 0x07;
    } else {
      return i;
    }
    if (i + static_cast<std::size_t>(extra) >= s.size()) return i;  // cut short
    for (int k = 1; k <= extra; ++k) {
      unsigned char d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (d & 0x3F);
    }
    // Overlong forms, surrogates and values past Unicode are not UTF-8.
    if (cp < min || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return i;
    i += static_cast<std::size_t>(extra) + 1;
  }
  return std::string_view::npos;
}

bool check_csv_row(const CsvTable& table, const CsvRow& row, Diagnostics& diag) {
  if (!check_text(table, row, diag)) return false;
  if (row.fields.size() != table.header.size()) {
    diag.error(
        {table.file, row.line, 0},
        fmt::format("this row has {} fields but the header has {}: check for a missing or "
                    "extra '{}' or an unquoted '{}' inside a value",
                    row.fields.size(), table.header.size(), table.delimiter, table.delimiter));
    return false;
  }
  return true;
}

namespace {

// The first row that is not blank is the header; the others are checked
// against it. Blank rows are left out.
void take_row(CsvTable& table, const CsvRow& row, bool& have_header, Diagnostics& diag) {
  if (all_empty(row.fields)) return;
  if (!have_header) {
    if (!check_text(table, row, diag)) return;
    have_header = true;
    table.header_line = row.line;
    for (const auto& name : row.fields) table.header.push_back(lower_trimmed(name));
    apply_header_names(table, diag);
    return;
  }
  if (check_csv_row(table, row, diag)) table.rows.push_back(row);
}

}  // namespace

CsvRecordStatus read_csv_record(std::string_view text, bool at_end, char delimiter,
                                const std::string& file, std::size_t& pos, int& line, CsvRow& row,
                                Diagnostics& diag) {
  // Problems are held back until the record is known to be whole: a quote
  // "never closed" may close in the next block.
  Diagnostics found;
  Scanner scanner(text, delimiter, file, found, pos, line);
  const bool ok = scanner.next(row);
  // A CR that ends the text may be the first half of a CRLF.
  const bool cut =
      !scanner.ended_line() || (scanner.done() && !text.empty() && text.back() == '\r');
  if (cut && !at_end) return CsvRecordStatus::kIncomplete;
  pos = scanner.pos();
  line = scanner.line();
  for (Diagnostic& d : found.errors) diag.errors.push_back(std::move(d));
  return ok ? CsvRecordStatus::kOk : CsvRecordStatus::kBad;
}

CsvTable parse_csv(std::string_view text, const std::string& file, Diagnostics& diag) {
  CsvTable table;
  table.file = file;
  if (text.substr(0, kBom.size()) == kBom) text.remove_prefix(kBom.size());
  // The header is the first line that is not blank.
  std::size_t header_start = text.find_first_not_of("\r\n");
  table.delimiter =
      detect_delimiter(header_start == std::string_view::npos ? "" : text.substr(header_start));
  Scanner scanner(text, table.delimiter, file, diag);
  CsvRow row;
  bool have_header = false;
  while (!scanner.done()) {
    const std::size_t start = scanner.pos();
    const bool ok = scanner.next(row);
    if (scanner.pos() - start > kMaxCsvRecord) {
      // Not a table a person made: it stops here, with one message.
      throw Error(Failure::kBadData,
                  fmt::format("{}:{}: a record of more than {} MiB: a quote never closed, or a "
                              "file that is not a table",
                              file, row.line, kMaxCsvRecord >> 20));
    }
    if (ok) take_row(table, row, have_header, diag);
  }
  drop_empty_columns(table);
  return table;
}

CsvTable table_of_rows(std::vector<CsvRow> rows, const std::string& file, Diagnostics& diag) {
  CsvTable table;
  table.file = file;
  table.column_letters = true;
  bool have_header = false;
  for (CsvRow& row : rows) {
    // A sheet leaves out the empty cells at the end of a row.
    if (have_header && row.fields.size() < table.header.size())
      row.fields.resize(table.header.size());
    if (have_header && row.fields.size() > table.header.size()) {
      diag.error(table.at(row, static_cast<int>(table.header.size())),
                 "a value beyond the header's last column: give the column a name, or clear it");
      continue;
    }
    take_row(table, row, have_header, diag);
  }
  drop_empty_columns(table);
  return table;
}

}  // namespace citfee
