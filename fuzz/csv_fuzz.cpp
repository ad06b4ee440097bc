// libFuzzer target: the CSV reader and the entities reader on any bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "input/csv.hpp"
#include "input/entities.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  citfee::Diagnostics diag;
  citfee::CsvTable table = citfee::parse_csv(text, "fuzz.csv", diag);
  for (const auto& row : table.rows) {
    if (row.fields.size() != table.header.size()) __builtin_trap();  // ragged rows must be left out
  }
  citfee::read_entities(table, diag);
  return 0;
}
