// Reads a file of payments received: a treasury's or bank's CSV export, or
// an ISO 20022 camt.053 bank statement, told apart by content.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/money.hpp"
#include "core/payment.hpp"

namespace citfee {

struct PaymentsFile {
  std::vector<Payment> payments;  // credits, in file order; not yet matched
  int outgoing = 0;               // debits (negative amounts) left out
  int not_booked = 0;             // camt.053 entries not booked yet, left out
  int repeated = 0;               // the same transaction again in the file, left out
  std::string format;             // "CSV" or "camt.053"
};

// `bytes` is the whole file (CSV in UTF-8, Windows-1252 or UTF-16; XML).
// Problems go to `diag`, each with its line.
PaymentsFile read_payments(std::string bytes, const std::string& file, Diagnostics& diag);

// An amount as banks write it: "1.245,00", "1,245.00", "-50,00", "250".
// `decimal_mark` is the file's ('.' or ','), settled once for the whole file;
// '\0' when the file does not tell it. The decimal mark is followed by
// exactly two digits; the other mark groups thousands by three. Without a
// known decimal mark, "1.245" or "1,245" could be either and are refused.
// Throws ValueError.
Money parse_bank_amount(std::string_view text, char decimal_mark = '\0');

// The decimal mark that an amount as a bank writes it shows: ',' for
// "1.245,00" or "12,5", '.' for "1,245.00" or "12.50"; '\0' when it shows
// none ("250", "1.245", "1.245.300").
char decimal_mark_of(std::string_view text);

// The CSV layout, from the bytes as decoded; used by read_payments.
PaymentsFile read_payments_csv(std::string_view text, const std::string& file, Diagnostics& diag);
// The camt.053 layout (BkToCstmrStmt, versions 001.02 to 001.08), read with libxml2.
PaymentsFile read_camt053(std::string_view xml, const std::string& file, Diagnostics& diag);

}  // namespace citfee
