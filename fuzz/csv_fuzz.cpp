// libFuzzer target: the text decoding, the CSV reader and the entities reader
// on any bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "input/csv.hpp"
#include "input/entities.hpp"
#include "input/text_encoding.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  citfee::DecodedText decoded =
      citfee::decode_text(std::string(reinterpret_cast<const char*>(data), size));
  if (decoded.encoding != citfee::TextEncoding::kUtf8 &&
      citfee::find_invalid_utf8(decoded.text) != std::string::npos)
    __builtin_trap();  // what was decoded is UTF-8
  citfee::Diagnostics diag;
  citfee::CsvTable table = citfee::parse_csv(decoded.text, "fuzz.csv", diag);
  for (const auto& row : table.rows) {
    if (row.fields.size() != table.header.size()) __builtin_trap();  // ragged rows must be left out
  }
  citfee::read_entities(table, diag);
  return 0;
}
