// libFuzzer target: the workbook reader (libzip, expat) and the entities
// reader on any bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "input/entities.hpp"
#include "input/xlsx.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  citfee::Diagnostics diag;
  citfee::CsvTable table = citfee::read_xlsx(bytes, "fuzz.xlsx", "", diag);
  for (const auto& row : table.rows) {
    if (row.fields.size() != table.header.size()) __builtin_trap();  // ragged rows must be left out
  }
  citfee::read_entities(table, diag);
  return 0;
}
