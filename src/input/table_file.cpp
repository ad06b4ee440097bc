#include "input/table_file.hpp"

#include <string_view>

#include "input/read_file.hpp"
#include "input/text_encoding.hpp"
#include "input/xlsx.hpp"
#include "input/zip_archive.hpp"

namespace citfee {

namespace {

bool looks_like_old_excel(std::string_view bytes) {
  return bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
}

}  // namespace

CsvTable read_table(const std::string& path, const std::string& sheet, Diagnostics& diag) {
  std::string bytes = read_input(path);
  const std::string name = display_name(path);
  if (looks_like_zip(bytes)) return read_xlsx(bytes, name, sheet, diag);
  if (looks_like_old_excel(bytes)) {
    diag.error({name, 0, 0},
               "an Excel 97-2003 workbook (.xls): save it as .xlsx (Excel Workbook) or as CSV");
    CsvTable empty;
    empty.file = name;
    return empty;
  }
  return parse_csv(decode_input(std::move(bytes), name, diag), name, diag);
}

}  // namespace citfee
