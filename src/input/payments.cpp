// A payments file, told by its content: XML is a camt.053 statement,
// anything else a CSV export.
#include "input/payments.hpp"

#include "input/text_encoding.hpp"

namespace citfee {

PaymentsFile read_payments(std::string bytes, const std::string& file, Diagnostics& diag) {
  const std::size_t start = bytes.find_first_not_of(" \t\r\n");
  const bool bom = bytes.compare(0, 3, "\xEF\xBB\xBF") == 0;
  const std::size_t first = bom ? bytes.find_first_not_of(" \t\r\n", 3) : start;
  if (first != std::string::npos && bytes[first] == '<') return read_camt053(bytes, file, diag);
  return read_payments_csv(decode_input(std::move(bytes), file, diag), file, diag);
}

}  // namespace citfee
