#include "input/xlsx.hpp"

#include <expat.h>

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <vector>

#include <fmt/format.h>

#include "core/period.hpp"
#include "input/zip_archive.hpp"

namespace citfee {

namespace {

// Larger parts than this are not an office's list: a guard against archives
// that unpack to gigabytes.
constexpr std::size_t kMaxPart = std::size_t{256} << 20;
// More columns than any input of citfee has, by far.
constexpr int kMaxColumns = 1024;
constexpr int kSignificantDigits = 15;  // what Excel shows of a number

using Attributes = const XML_Char**;

// The name without its namespace: expat gives "uri|name".
std::string_view local_name(const XML_Char* name) {
  std::string_view n(name);
  const std::size_t bar = n.rfind('|');
  return bar == std::string_view::npos ? n : n.substr(bar + 1);
}

std::optional<std::string> attribute(Attributes attrs, std::string_view name) {
  for (int i = 0; attrs[i]; i += 2) {
    if (local_name(attrs[i]) == name) return std::string(attrs[i + 1]);
  }
  return std::nullopt;
}

// Callbacks over one XML part, called in document order.
struct XmlHandlers {
  std::function<void(std::string_view, Attributes)> start = [](std::string_view, Attributes) {};
  std::function<void(std::string_view)> end = [](std::string_view) {};
  std::function<void(std::string_view)> text = [](std::string_view) {};
};

// Runs expat over `xml`. Throws ValueError naming `part` and the line when
// it is not well-formed.
void walk_xml(std::string_view xml, const std::string& part, XmlHandlers& handlers) {
  XML_Parser parser = XML_ParserCreateNS(nullptr, '|');
  if (!parser) throw ValueError("out of memory reading the workbook");
  XML_SetUserData(parser, &handlers);
  XML_SetElementHandler(
      parser,
      [](void* data, const XML_Char* name, Attributes attrs) {
        static_cast<XmlHandlers*>(data)->start(local_name(name), attrs);
      },
      [](void* data, const XML_Char* name) {
        static_cast<XmlHandlers*>(data)->end(local_name(name));
      });
  XML_SetCharacterDataHandler(parser, [](void* data, const XML_Char* s, int len) {
    static_cast<XmlHandlers*>(data)->text(std::string_view(s, static_cast<std::size_t>(len)));
  });
  const bool ok =
      XML_Parse(parser, xml.data(), static_cast<int>(xml.size()), 1) != XML_STATUS_ERROR;
  const std::string why = ok ? "" : XML_ErrorString(XML_GetErrorCode(parser));
  const auto line = XML_GetCurrentLineNumber(parser);
  XML_ParserFree(parser);
  if (!ok) throw ValueError(fmt::format("{} is damaged: {} at line {}", part, why, line));
}

std::string read_part(const ZipArchive& zip, const std::string& part) {
  std::optional<std::string> xml = zip.read(part, kMaxPart);
  if (!xml) throw ValueError(fmt::format("not an Excel workbook: it has no {}", part));
  if (xml->size() > static_cast<std::size_t>(INT32_MAX))
    throw ValueError(fmt::format("{} is too large", part));
  return std::move(*xml);
}

struct SheetEntry {
  std::string name;
  std::string relation;  // r:id
};

std::vector<SheetEntry> workbook_sheets(const ZipArchive& zip) {
  std::vector<SheetEntry> sheets;
  XmlHandlers h;
  h.start = [&](std::string_view name, Attributes attrs) {
    if (name != "sheet") return;
    sheets.push_back({attribute(attrs, "name").value_or(""), attribute(attrs, "id").value_or("")});
  };
  walk_xml(read_part(zip, "xl/workbook.xml"), "xl/workbook.xml", h);
  return sheets;
}

// The part a relation of the workbook points at: "worksheets/sheet1.xml" is
// relative to xl/, "/xl/worksheets/sheet1.xml" to the archive.
std::string sheet_part(const ZipArchive& zip, const std::string& relation) {
  std::string target;
  XmlHandlers h;
  h.start = [&](std::string_view name, Attributes attrs) {
    if (name == "Relationship" && attribute(attrs, "Id") == relation)
      target = attribute(attrs, "Target").value_or("");
  };
  const std::string rels = "xl/_rels/workbook.xml.rels";
  walk_xml(read_part(zip, rels), rels, h);
  if (target.empty()) throw ValueError(fmt::format("the workbook names no part for {}", relation));
  return target.front() == '/' ? target.substr(1) : "xl/" + target;
}

std::vector<std::string> shared_strings(const ZipArchive& zip) {
  std::vector<std::string> strings;
  const std::optional<std::string> xml = zip.read("xl/sharedStrings.xml", kMaxPart);
  if (!xml) return strings;
  std::string current;
  bool in_text = false;
  int phonetic = 0;  // <rPh> runs are a reading aid, not the text
  XmlHandlers h;
  h.start = [&](std::string_view name, Attributes) {
    if (name == "si") current.clear();
    if (name == "rPh") ++phonetic;
    if (name == "t") in_text = phonetic == 0;
  };
  h.end = [&](std::string_view name) {
    if (name == "t") in_text = false;
    if (name == "rPh") --phonetic;
    if (name == "si") strings.push_back(current);
  };
  h.text = [&](std::string_view s) {
    if (in_text) current += s;
  };
  walk_xml(*xml, "xl/sharedStrings.xml", h);
  return strings;
}

// Whether a number format shows a date: the built-in date formats, or a
// format of one's own with days or years outside quotes and brackets.
bool is_date_format(int id, const std::string& code) {
  if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
      (id >= 50 && id <= 58))
    return true;
  bool quoted = false;
  int bracket = 0;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\\') {
      ++i;
      continue;
    }
    if (c == '[') ++bracket;
    if (c == ']' && bracket > 0) --bracket;
    if (bracket == 0 && (c == 'd' || c == 'D' || c == 'y' || c == 'Y')) return true;
  }
  return false;
}

// For each cell style (the `s` of a cell), whether it shows a date.
std::vector<bool> date_styles(const ZipArchive& zip) {
  std::vector<bool> dates;
  const std::optional<std::string> xml = zip.read("xl/styles.xml", kMaxPart);
  if (!xml) return dates;
  std::map<int, std::string> codes;
  std::vector<int> formats;
  bool in_cell_xfs = false;
  XmlHandlers h;
  h.start = [&](std::string_view name, Attributes attrs) {
    const int id = std::atoi(attribute(attrs, "numFmtId").value_or("0").c_str());
    if (name == "numFmt") codes[id] = attribute(attrs, "formatCode").value_or("");
    if (name == "cellXfs") in_cell_xfs = true;
    if (name == "xf" && in_cell_xfs) formats.push_back(id);
  };
  h.end = [&](std::string_view name) {
    if (name == "cellXfs") in_cell_xfs = false;
  };
  walk_xml(*xml, "xl/styles.xml", h);
  for (int id : formats) dates.push_back(is_date_format(id, codes[id]));
  return dates;
}

// "C14" as column 3, row 14; zeros when it is not a cell reference.
std::pair<int, int> cell_reference(std::string_view ref) {
  int column = 0;
  std::size_t i = 0;
  for (; i < ref.size() && std::isupper(static_cast<unsigned char>(ref[i])); ++i) {
    column = column * 26 + (ref[i] - 'A' + 1);
    if (column > 16384) return {0, 0};
  }
  int row = 0;
  for (; i < ref.size() && std::isdigit(static_cast<unsigned char>(ref[i])); ++i) {
    row = row * 10 + (ref[i] - '0');
    if (row > 1048576) return {0, 0};
  }
  if (i != ref.size()) return {0, 0};
  return {column, row};
}

// One sheet's rows as they are read, cell by cell.
class SheetReader {
 public:
  SheetReader(const std::string& file, const std::vector<std::string>& strings,
              const std::vector<bool>& dates, Diagnostics& diag)
      : file_(file), strings_(strings), dates_(dates), diag_(diag) {}

  void start(std::string_view name, Attributes attrs) {
    if (name == "row") start_row(attrs);
    if (name == "c") start_cell(attrs);
    if (name == "v" || name == "t") {
      in_value_ = true;
      value_.clear();
    }
    if (name == "f") formula_ = true;
  }

  void end(std::string_view name) {
    if (name == "v" || name == "t") {
      in_value_ = false;
      cell_text_ += value_;
    }
    if (name == "c") end_cell();
    if (name == "row") rows_.push_back(std::move(row_));
  }

  void text(std::string_view s) {
    if (in_value_) value_ += s;
  }

  std::vector<CsvRow> take_rows() { return std::move(rows_); }
  std::set<std::pair<int, int>> take_number_cells() { return std::move(number_cells_); }

 private:
  void start_row(Attributes attrs) {
    const int number = std::atoi(attribute(attrs, "r").value_or("0").c_str());
    row_ = CsvRow{number > last_row_ ? number : last_row_ + 1, {}};
    last_row_ = row_.line;
    column_ = 0;
  }

  void start_cell(Attributes attrs) {
    const auto [column, row] = cell_reference(attribute(attrs, "r").value_or(""));
    column_ = column > 0 ? column : column_ + 1;
    type_ = attribute(attrs, "t").value_or("n");
    style_ = std::atoi(attribute(attrs, "s").value_or("0").c_str());
    cell_text_.clear();
    formula_ = false;
  }

  void end_cell() {
    if (column_ > kMaxColumns) {
      if (!too_wide_) {
        diag_.error({file_, row_.line, column_, true},
                    fmt::format("more than {} columns: is this the right sheet?", kMaxColumns));
      }
      too_wide_ = true;
      return;
    }
    if (formula_ && cell_text_.empty()) {
      diag_.error({file_, row_.line, column_, true},
                  "a formula whose result was never saved: open the workbook in Excel or Calc "
                  "and save it again, or paste the values");
      return;
    }
    std::string value = cell_value();
    if (value.empty()) return;
    auto& fields = row_.fields;
    if (fields.size() < static_cast<std::size_t>(column_)) fields.resize(column_);
    fields[column_ - 1] = std::move(value);
  }

  std::string cell_value() {
    if (type_ == "s") {
      const long index = std::atol(cell_text_.c_str());
      if (index >= 0 && static_cast<std::size_t>(index) < strings_.size()) return strings_[index];
      diag_.error({file_, row_.line, column_, true},
                  "the cell's text is missing from the workbook");
      return {};
    }
    if (type_ == "inlineStr" || type_ == "str") return cell_text_;
    if (type_ == "b") return cell_text_ == "1" ? "TRUE" : "FALSE";
    if (type_ == "e") {
      diag_.error(
          {file_, row_.line, column_, true},
          fmt::format("the cell holds the Excel error {}: correct the formula", cell_text_));
      return {};
    }
    if (type_ == "d") return cell_text_.substr(0, 10);
    const bool date = style_ >= 0 && static_cast<std::size_t>(style_) < dates_.size() &&
                      dates_[static_cast<std::size_t>(style_)];
    if (!date) number_cells_.insert({row_.line, column_ - 1});
    return number_value();
  }

  std::string number_value() const {
    const bool date = style_ >= 0 && static_cast<std::size_t>(style_) < dates_.size() &&
                      dates_[static_cast<std::size_t>(style_)];
    if (!date || cell_text_.empty()) return excel_number_text(cell_text_);
    // Dates are day numbers; a time of day is the fraction, left out.
    const std::string whole = excel_number_text(cell_text_);
    const std::size_t point = whole.find('.');
    const std::string days = whole.substr(0, point);
    if (days.empty() || days.size() > 6 ||
        !std::all_of(days.begin(), days.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return whole;
    return excel_serial_date(std::atol(days.c_str()));
  }

  const std::string& file_;
  const std::vector<std::string>& strings_;
  const std::vector<bool>& dates_;
  Diagnostics& diag_;
  std::vector<CsvRow> rows_;
  std::set<std::pair<int, int>> number_cells_;
  CsvRow row_;
  int last_row_ = 0;
  int column_ = 0;
  std::string type_;
  int style_ = 0;
  std::string cell_text_;
  std::string value_;
  bool in_value_ = false;
  bool formula_ = false;
  bool too_wide_ = false;
};

const SheetEntry& chosen_sheet(const std::vector<SheetEntry>& sheets, const std::string& sheet) {
  if (sheets.empty()) throw ValueError("the workbook has no sheet");
  if (sheet.empty()) return sheets.front();
  for (const SheetEntry& s : sheets) {
    if (s.name == sheet) return s;
  }
  std::vector<std::string> names;
  for (const SheetEntry& s : sheets) names.push_back('"' + s.name + '"');
  throw ValueError(
      fmt::format("no sheet \"{}\" in the workbook: it has {}", sheet, fmt::join(names, ", ")));
}

// Digits of a decimal number, and where its point is: 0.19 is "19", 0.
struct Decimal {
  bool negative = false;
  std::string digits;
  long point = 0;  // digits before the decimal point (may be negative or beyond the digits)
};

std::optional<Decimal> parse_decimal(std::string_view text) {
  Decimal d;
  std::size_t i = 0;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) d.negative = text[i++] == '-';
  bool any = false;
  bool seen_point = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '.' && !seen_point) {
      seen_point = true;
      continue;
    }
    if (c < '0' || c > '9') break;
    any = true;
    d.digits += c;
    if (!seen_point) ++d.point;
  }
  if (!any) return std::nullopt;
  if (i < text.size() && (text[i] == 'E' || text[i] == 'e')) {
    ++i;
    bool minus = false;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) minus = text[i++] == '-';
    long exponent = 0;
    const std::size_t first = i;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9' && exponent < 1000; ++i)
      exponent = exponent * 10 + (text[i] - '0');
    if (i == first) return std::nullopt;
    d.point += minus ? -exponent : exponent;
  }
  if (i != text.size()) return std::nullopt;
  return d;
}

// Rounds half up to `n` significant digits.
void round_to_significant(Decimal& d, std::size_t n) {
  if (d.digits.size() <= n) return;
  const bool up = d.digits[n] >= '5';
  d.digits.resize(n);
  if (!up) return;
  std::size_t i = n;
  while (i > 0 && d.digits[i - 1] == '9') d.digits[--i] = '0';
  if (i == 0) {
    d.digits.insert(d.digits.begin(), '1');
    d.digits.pop_back();
    ++d.point;
  } else {
    ++d.digits[i - 1];
  }
}

}  // namespace

std::string excel_number_text(std::string_view text) {
  std::optional<Decimal> d = parse_decimal(text);
  if (!d) return std::string(text);
  const std::size_t lead = d->digits.find_first_not_of('0');
  if (lead == std::string::npos) return "0";
  d->digits.erase(0, lead);
  d->point -= static_cast<long>(lead);
  round_to_significant(*d, kSignificantDigits);
  while (d->digits.size() > 1 && d->digits.back() == '0') d->digits.pop_back();
  if (d->point > 30 || d->point < -30) return std::string(text);  // not a figure of an office
  const long size = static_cast<long>(d->digits.size());
  std::string out = d->negative ? "-" : "";
  if (d->point <= 0) {
    out += "0." + std::string(static_cast<std::size_t>(-d->point), '0') + d->digits;
  } else if (d->point >= size) {
    out += d->digits + std::string(static_cast<std::size_t>(d->point - size), '0');
  } else {
    out += d->digits.substr(0, static_cast<std::size_t>(d->point)) + "." +
           d->digits.substr(static_cast<std::size_t>(d->point));
  }
  return out;
}

std::string excel_serial_date(long serial) {
  // Day 1 is 1 January 1900, but Excel counts a 29 February 1900 that never
  // was (day 60): from 1 March 1900 (day 61) on, day 0 is 30 December 1899;
  // before it, one day later. Day 60 reads as 1 March.
  static const long kDayZero = days_since_epoch({1899, 12, 30});
  return date_from_days(kDayZero + serial + (serial < 61 ? 1 : 0)).iso();
}

CsvTable read_xlsx(std::string_view bytes, const std::string& file, const std::string& sheet,
                   Diagnostics& diag) {
  try {
    const ZipArchive zip(bytes);
    const std::vector<SheetEntry> sheets = workbook_sheets(zip);
    const SheetEntry& chosen = chosen_sheet(sheets, sheet);
    const std::string part = sheet_part(zip, chosen.relation);
    const std::vector<std::string> strings = shared_strings(zip);
    const std::vector<bool> dates = date_styles(zip);
    const std::string where = file + ":" + chosen.name;
    SheetReader reader(where, strings, dates, diag);
    XmlHandlers h;
    h.start = [&](std::string_view name, Attributes attrs) { reader.start(name, attrs); };
    h.end = [&](std::string_view name) { reader.end(name); };
    h.text = [&](std::string_view s) { reader.text(s); };
    walk_xml(read_part(zip, part), part, h);
    CsvTable table = table_of_rows(reader.take_rows(), where, diag);
    table.number_cells = reader.take_number_cells();
    return table;
  } catch (const ValueError& e) {
    diag.error({file, 0, 0}, e.what());
    CsvTable empty;
    empty.file = file;
    return empty;
  }
}

}  // namespace citfee
