// XLSX workbooks for Excel and LibreOffice Calc: numbers as numbers, dates as
// dates, a bold frozen header with an autofilter, and a SUM formula as total.
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "core/error.hpp"
#include "output/interruption.hpp"
#include "output/xlsx.hpp"

namespace citfee {

namespace {

[[noreturn]] void fail(const std::string& why) {
  throw Error(Failure::kCannotWrite, fmt::format("cannot build the workbook: {}", why));
}

void check(lxw_error error) {
  if (error != LXW_NO_ERROR) fail(lxw_strerror(error));
}

// libxlsxwriter (1.1.4) writes a workbook only to a named file: it is built in
// a private temporary file, read back whole, and the file removed whatever
// happens. The caller then writes the bytes through the complete-or-absent path.
class ScratchFile {
 public:
  ScratchFile() {
    std::error_code ec;
    const std::filesystem::path dir = std::filesystem::temp_directory_path(ec);
    if (ec) fail(fmt::format("no temporary directory: {}", ec.message()));
    path_ = (dir / "citfee-XXXXXX").string();
    const int fd = ::mkstemp(path_.data());
    if (fd < 0) fail(fmt::format("cannot create a temporary file in {}", dir.string()));
    ::close(fd);
  }
  ~ScratchFile() { ::unlink(path_.c_str()); }
  // A signal meanwhile waits, so that the file goes too.
  const CleanupWindow window_;
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;

  const std::string& path() const { return path_; }

  std::string read() const {
    std::ifstream in(path_, std::ios::binary);
    std::string data{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (!in.good() && !in.eof()) fail("cannot read back the temporary file");
    return data;
  }

 private:
  std::string path_;
};

struct WorkbookDeleter {
  void operator()(lxw_workbook* wb) const { lxw_workbook_free(wb); }
};
using WorkbookPtr = std::unique_ptr<lxw_workbook, WorkbookDeleter>;

// The cell formats of a workbook, made once and shared by its sheets.
struct Styles {
  lxw_format* header;
  lxw_format* integer;
  lxw_format* amount;
  lxw_format* decimal;
  lxw_format* exact_text;
  lxw_format* date;
  lxw_format* total_label;
  lxw_format* total_amount;
};

lxw_format* number_format(lxw_workbook* wb, const char* code, bool bold = false) {
  lxw_format* f = workbook_add_format(wb);
  format_set_num_format(f, code);
  if (bold) format_set_bold(f);
  return f;
}

Styles make_styles(lxw_workbook* wb) {
  Styles s{};
  s.header = workbook_add_format(wb);
  format_set_bold(s.header);
  format_set_bottom(s.header, LXW_BORDER_THIN);
  s.integer = number_format(wb, "#,##0");
  s.amount = number_format(wb, "#,##0.00 \"€\"");
  s.decimal = number_format(wb, "#,##0.00####");  // 0.175 and 875.175 in full
  s.exact_text = workbook_add_format(wb);
  format_set_align(s.exact_text, LXW_ALIGN_RIGHT);
  s.date = number_format(wb, "dd/mm/yyyy");
  s.total_label = workbook_add_format(wb);
  format_set_bold(s.total_label);
  s.total_amount = number_format(wb, "#,##0.00 \"€\"", true);
  return s;
}

// A number in an XLSX file is a binary double by the file format itself. So
// the conversion happens here, at the very last step, from the exact value,
// and only when the double shows that value correctly: the 15 significant
// digits a spreadsheet shows must give back the exact text (875.175 does;
// an amount past 15 digits would not and stays exact text). CSV and JSON
// always carry the exact text.
std::optional<double> as_spreadsheet_number(const std::string& exact, double value) {
  if (fmt::format("{:.15g}", value) != exact) return std::nullopt;
  return value;
}

std::optional<double> as_spreadsheet_number(Money m) {
  // Both operands are exact doubles while |micros| < 2^53, and a division is
  // correctly rounded: this is the double nearest the exact value.
  const double value = static_cast<double>(m.micros()) / static_cast<double>(Money::kScale);
  return as_spreadsheet_number(m.to_string(0), value);
}

std::optional<double> as_spreadsheet_number(std::int64_t n) {
  return as_spreadsheet_number(std::to_string(n), static_cast<double>(n));
}

class SheetWriter {
 public:
  SheetWriter(lxw_worksheet* ws, const Styles& styles, const WriteOptions& options)
      : ws_(ws), styles_(styles), options_(options) {}

  void write(const Report& report) {
    if (report.columns.empty()) return;
    const auto last_col = static_cast<lxw_col_t>(report.columns.size() - 1);
    for (lxw_col_t c = 0; c <= last_col; ++c) {
      check(worksheet_write_string(ws_, 0, c, report.columns[c].c_str(), styles_.header));
    }
    for (std::size_t r = 0; r < report.rows.size(); ++r) {
      for (std::size_t c = 0; c < report.rows[r].size(); ++c) {
        cell(static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c), report.rows[r][c]);
      }
    }
    if (report.total_column >= 0) total(report);
    worksheet_freeze_panes(ws_, 1, 0);
    check(worksheet_autofilter(ws_, 0, 0, static_cast<lxw_row_t>(report.rows.size()), last_col));
    for (lxw_col_t c = 0; c <= last_col; ++c) {
      check(worksheet_set_column(ws_, c, c, column_width(report, c), nullptr));
    }
  }

 private:
  void cell(lxw_row_t row, lxw_col_t col, const Cell& cell) {
    std::optional<double> number;
    lxw_format* format = nullptr;
    switch (cell.kind) {
      case CellKind::kEmpty:
        return;
      case CellKind::kText:
        // Written as a string, a text cell is never read as a formula.
        check(worksheet_write_string(ws_, row, col, cell.text.c_str(), nullptr));
        return;
      case CellKind::kDate: {
        lxw_datetime when = {cell.date.year, cell.date.month, cell.date.day, 0, 0, 0.0};
        check(worksheet_write_datetime(ws_, row, col, &when, styles_.date));
        return;
      }
      case CellKind::kInteger:
        number = as_spreadsheet_number(cell.integer);
        format = styles_.integer;
        break;
      case CellKind::kAmount:
        number = as_spreadsheet_number(cell.money);
        format = styles_.amount;
        break;
      case CellKind::kDecimal:
        number = as_spreadsheet_number(cell.money);
        format = styles_.decimal;
        break;
    }
    if (number) {
      check(worksheet_write_number(ws_, row, col, *number, format));
    } else {
      const std::string text = cell.str(options_.decimal_mark);
      check(worksheet_write_string(ws_, row, col, text.c_str(), styles_.exact_text));
    }
  }

  // "Totale" under the first column and, under the amounts, their SUM. The
  // formula also carries its value, for readers that do not recalculate.
  void total(const Report& report) {
    const auto row = static_cast<lxw_row_t>(report.rows.size() + 1);
    check(worksheet_write_string(ws_, row, 0, "Totale", styles_.total_label));
    total_of(report, report.total_column);
    for (int column : report.more_totals) total_of(report, column);
  }

  void total_of(const Report& report, int column) {
    const auto row = static_cast<lxw_row_t>(report.rows.size() + 1);
    const auto col = static_cast<lxw_col_t>(column);
    const std::optional<double> value = as_spreadsheet_number(report.total_of(column));
    if (report.rows.empty()) {
      // No rows to add up: a SUM would need an empty range.
      check(worksheet_write_number(ws_, row, col, 0.0, styles_.total_amount));
      return;
    }
    char first[LXW_MAX_CELL_NAME_LENGTH];
    char last[LXW_MAX_CELL_NAME_LENGTH];
    lxw_rowcol_to_cell(first, 1, col);
    lxw_rowcol_to_cell(last, row - 1, col);
    const std::string formula = fmt::format("=SUM({}:{})", first, last);
    if (value) {
      check(worksheet_write_formula_num(ws_, row, col, formula.c_str(), styles_.total_amount,
                                        *value));
    } else {
      check(worksheet_write_formula(ws_, row, col, formula.c_str(), styles_.total_amount));
    }
  }

  // Characters a cell takes on screen, with the separators and the euro sign
  // its number format adds.
  static std::size_t shown_width(const Cell& cell) {
    std::size_t n = 0;
    for (char ch : cell.str()) n += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
    switch (cell.kind) {
      case CellKind::kDate:
        return 10;
      case CellKind::kAmount:
        return n + n / 3 + 2;
      case CellKind::kInteger:
      case CellKind::kDecimal:
        return n + n / 3;
      default:
        return n;
    }
  }

  static double column_width(const Report& report, lxw_col_t col) {
    // The header also holds the autofilter's button.
    std::size_t w = shown_width(Cell::of_text(report.columns[col])) + 3;
    for (const auto& row : report.rows) w = std::max(w, shown_width(row[col]));
    const auto& more = report.more_totals;
    if (report.total_column == static_cast<int>(col) ||
        std::find(more.begin(), more.end(), static_cast<int>(col)) != more.end()) {
      w = std::max(w, shown_width(Cell::of_amount(report.total_of(static_cast<int>(col)))));
    }
    return static_cast<double>(std::clamp<std::size_t>(w + 2, 8, 60));
  }

  lxw_worksheet* ws_;
  const Styles& styles_;
  const WriteOptions& options_;
};

uint8_t chart_type(ChartKind kind) {
  switch (kind) {
    case ChartKind::kColumn:
      return LXW_CHART_COLUMN;
    case ChartKind::kStackedColumn:
      return LXW_CHART_COLUMN_STACKED;
    case ChartKind::kBar:
      return LXW_CHART_BAR;
  }
  return LXW_CHART_COLUMN;
}

// Rows [first, last] of the report (sheet rows first + 1 .. last + 1) as one
// series of `chart`, named by the cell at (name_row, name_col) of the sheet.
void add_series(lxw_chart* chart, const std::string& sheet, const Chart& spec, int value_column,
                std::size_t first, std::size_t last, lxw_row_t name_row, lxw_col_t name_col) {
  lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
  if (!series) fail("cannot add a series to a chart");
  const auto top = static_cast<lxw_row_t>(first + 1);
  const auto bottom = static_cast<lxw_row_t>(last + 1);
  const auto category = static_cast<lxw_col_t>(spec.category_column);
  const auto values = static_cast<lxw_col_t>(value_column);
  chart_series_set_categories(series, sheet.c_str(), top, category, bottom, category);
  chart_series_set_values(series, sheet.c_str(), top, values, bottom, values);
  chart_series_set_name_range(series, sheet.c_str(), name_row, name_col);
}

// The charts a report asks for, beside its columns, one below the other. They
// point at the sheet's cells, so they show what the sheet holds.
void add_charts(lxw_workbook* wb, lxw_worksheet* ws, const std::string& sheet,
                const Report& report) {
  if (report.rows.empty()) return;  // a series needs at least one cell
  const auto col = static_cast<lxw_col_t>(report.columns.size() + 1);
  for (std::size_t i = 0; i < report.charts.size(); ++i) {
    const Chart& spec = report.charts[i];
    lxw_chart* chart = workbook_add_chart(wb, chart_type(spec.kind));
    if (!chart) fail("cannot add a chart");
    chart_title_set_name(chart, spec.title.c_str());
    for (int value : spec.value_columns) {
      if (spec.series_column < 0) {
        add_series(chart, sheet, spec, value, 0, report.rows.size() - 1, 0,
                   static_cast<lxw_col_t>(value));
        continue;
      }
      const auto by = static_cast<std::size_t>(spec.series_column);
      for (std::size_t first = 0; first < report.rows.size();) {
        std::size_t last = first;
        while (last + 1 < report.rows.size() &&
               report.rows[last + 1][by].str() == report.rows[first][by].str()) {
          ++last;
        }
        add_series(chart, sheet, spec, value, first, last, static_cast<lxw_row_t>(first + 1),
                   static_cast<lxw_col_t>(by));
        first = last + 1;
      }
    }
    check(worksheet_insert_chart(ws, static_cast<lxw_row_t>(1 + 18 * i), col, chart));
  }
}

std::string sheet_name(const Report& report, std::size_t index) {
  return report.sheet.empty() ? fmt::format("Foglio{}", index + 1) : report.sheet;
}

}  // namespace

std::string write_xlsx(const std::vector<Report>& sheets, const WriteOptions& options) {
  for (const Report& report : sheets) {
    if (report.rows.size() + 2 > LXW_ROW_MAX) {
      fail(fmt::format("{} rows do not fit in a sheet (at most {}): use csv", report.rows.size(),
                       LXW_ROW_MAX - 2));
    }
  }
  ScratchFile file;
  WorkbookPtr wb(workbook_new(file.path().c_str()));
  if (!wb) fail("cannot start a workbook");
  std::string title = sheets.empty() ? std::string() : sheets.front().title;
  lxw_doc_properties properties{};
  properties.title = title.data();
  check(workbook_set_properties(wb.get(), &properties));
  const Styles styles = make_styles(wb.get());
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    lxw_worksheet* ws = workbook_add_worksheet(wb.get(), sheet_name(sheets[i], i).c_str());
    if (!ws) fail(fmt::format("cannot add the sheet \"{}\"", sheet_name(sheets[i], i)));
    SheetWriter(ws, styles, options).write(sheets[i]);
    add_charts(wb.get(), ws, sheet_name(sheets[i], i), sheets[i]);
  }
  // workbook_close writes the file and frees the workbook, even on failure.
  check(workbook_close(wb.release()));
  return file.read();
}

}  // namespace citfee
