// Aligned text for people: numbers to the right, subtotals and a total.
#include <algorithm>

#include <fmt/format.h>

#include "output/table.hpp"

#include "core/text.hpp"

namespace citfee {

namespace {

// Width on screen, counting UTF-8 code points rather than bytes.
std::size_t width(const std::string& s) {
  std::size_t n = 0;
  for (char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

// A line break or tab inside a value would break the alignment: shown as a
// space. Other control characters would reach the terminal: escaped.
std::string one_line(std::string s) {
  for (char& c : s) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return escape_controls(s);
}

// Italian form for people: with a decimal comma, thousands are grouped with '.'
// (1.257,00), as Italian readers expect; CSV and TSV never group.
std::string grouped(std::string s, char decimal_mark) {
  if (decimal_mark != ',') return s;
  std::size_t end = s.find(',');
  if (end == std::string::npos) end = s.size();
  const std::size_t begin = !s.empty() && s[0] == '-' ? 1 : 0;
  for (std::size_t i = end; i > begin + 3; i -= 3) s.insert(i - 3, 1, '.');
  return s;
}

// What a cell shows in the table.
std::string shown(const Cell& cell, const WriteOptions& options) {
  const char decimal_mark = options.decimal_mark;
  if (cell.kind == CellKind::kDate && options.day_first_dates)
    return fmt::format("{:02}/{:02}/{}", cell.date.day, cell.date.month, cell.date.year);
  const std::string s = one_line(cell.str(decimal_mark));
  return cell.is_number() ? grouped(s, decimal_mark) : s;
}

std::string pad(const std::string& s, std::size_t w, bool right) {
  std::string fill(w > width(s) ? w - width(s) : 0, ' ');
  return right ? fill + s : s + fill;
}

class TableWriter {
 public:
  TableWriter(const Report& report, const WriteOptions& options)
      : report_(report), options_(options) {
    widths_.resize(report.columns.size());
    right_.resize(report.columns.size(), false);
    for (std::size_t i = 0; i < report.columns.size(); ++i) widths_[i] = width(report.columns[i]);
    for (const auto& row : report.rows) {
      for (std::size_t i = 0; i < row.size(); ++i) {
        widths_[i] = std::max(widths_[i], width(shown(row[i], options)));
        if (row[i].is_number()) right_[i] = true;
      }
    }
    for (std::size_t t : total_columns()) {
      widths_[t] = std::max(widths_[t], width(money_text(report.total_of(static_cast<int>(t)))));
      right_[t] = true;
    }
  }

  std::string write() {
    if (!report_.title.empty()) out_ += report_.title + "\n\n";
    std::vector<std::string> header(report_.columns.begin(), report_.columns.end());
    line(header);
    std::vector<std::string> rule;
    for (std::size_t w : widths_) rule.push_back(std::string(w, '-'));
    line(rule, false);
    for (std::size_t r = 0; r < report_.rows.size(); ++r) {
      std::vector<std::string> cells;
      for (const auto& cell : report_.rows[r]) cells.push_back(shown(cell, options_));
      line(cells);
      if (ends_group(r)) subtotal(r);
    }
    if (report_.total_column >= 0) {
      line(rule, false);
      std::vector<std::pair<std::size_t, Money>> totals;
      for (std::size_t t : total_columns())
        totals.emplace_back(t, report_.total_of(static_cast<int>(t)));
      total_line("Totale", totals);
    }
    return out_;
  }

 private:
  // The total column, then the others the total line sums.
  std::vector<std::size_t> total_columns() const {
    std::vector<std::size_t> columns;
    if (report_.total_column < 0) return columns;
    columns.push_back(static_cast<std::size_t>(report_.total_column));
    for (int c : report_.more_totals) columns.push_back(static_cast<std::size_t>(c));
    std::sort(columns.begin(), columns.end());
    return columns;
  }

  std::string money_text(Money amount) const {
    return grouped(amount.to_fixed(2, options_.decimal_mark), options_.decimal_mark);
  }

  void line(const std::vector<std::string>& cells, bool align = true) {
    std::string text;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i) text += "  ";
      text += pad(cells[i], widths_[i], align && right_[i]);
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out_ += text + '\n';
  }

  bool ends_group(std::size_t r) const {
    if (report_.group_column < 0 || report_.total_column < 0) return false;
    auto g = static_cast<std::size_t>(report_.group_column);
    return r + 1 == report_.rows.size() || report_.rows[r + 1][g].str() != report_.rows[r][g].str();
  }

  void subtotal(std::size_t last) {
    auto g = static_cast<std::size_t>(report_.group_column);
    auto t = static_cast<std::size_t>(report_.total_column);
    Money sum;
    std::size_t first = last;
    while (first > 0 && report_.rows[first - 1][g].str() == report_.rows[last][g].str()) --first;
    for (std::size_t r = first; r <= last; ++r) sum += report_.rows[r][t].money;
    total_line("  subtotale " + report_.rows[last][g].str(), sum);
  }

  void total_line(const std::string& label, Money amount) {
    total_line(label, {{static_cast<std::size_t>(report_.total_column), amount}});
  }

  // The label may be wider than the first column: it runs into the empty
  // cells after it. Each amount ends where its column ends.
  void total_line(const std::string& label,
                  const std::vector<std::pair<std::size_t, Money>>& amounts) {
    std::string text = label;
    std::size_t used = width(label);
    for (const auto& [t, amount] : amounts) {
      std::size_t pos = 0;
      for (std::size_t i = 0; i <= t; ++i) pos += widths_[i] + (i ? 2 : 0);
      const std::size_t start = pos - widths_[t];
      text += std::string(start > used ? start - used : 1, ' ');
      text += pad(money_text(amount), widths_[t], true);
      used = std::max(start, used + 1) + widths_[t];
    }
    out_ += text + '\n';
  }

  const Report& report_;
  const WriteOptions& options_;
  std::vector<std::size_t> widths_;
  std::vector<bool> right_;
  std::string out_;
};

}  // namespace

std::string write_table(const Report& report, const WriteOptions& options) {
  return TableWriter(report, options).write();
}

}  // namespace citfee
