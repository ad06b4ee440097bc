// A payments file, told by its content: XML is a camt.053 statement,
// anything else a CSV export.
#include "input/payments.hpp"

#include <unordered_map>

#include <fmt/format.h>

#include "input/text_encoding.hpp"

namespace citfee {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// Whether the file begins, after its byte order mark and blanks, with '<':
// in UTF-8, or in UTF-16 either way round (with its mark, or without, as an
// XML declaration in UTF-16 is told by its first bytes).
bool starts_as_xml(std::string_view bytes) {
  std::size_t i = bytes.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF") ||
      bytes.starts_with(std::string_view("<\0", 2)) ||
      bytes.starts_with(std::string_view("\0<", 2))) {
    // Two bytes a character: the byte that is not zero tells it, as long
    // as it is plain ASCII.
    const bool little = bytes.starts_with("\xFF\xFE") || bytes.starts_with("<");
    for (i = has_utf16_bom(bytes) ? 2 : 0; i + 1 < bytes.size(); i += 2) {
      const char c = little ? bytes[i] : bytes[i + 1];
      const char other = little ? bytes[i + 1] : bytes[i];
      if (other != '\0') return false;
      if (!is_space(c)) return c == '<';
    }
    return false;
  }
  while (i < bytes.size() && is_space(bytes[i])) ++i;
  return i < bytes.size() && bytes[i] == '<';
}

// A bank id names one transaction: inside one file it appears once. The
// same transaction written twice (same amount and day) is kept once, and
// told; the same id on another amount or day is a file that cannot be
// trusted, and refused, naming both lines.
void drop_repeats(PaymentsFile& read, const std::string& file, Diagnostics& diag) {
  std::unordered_map<std::string, std::size_t> first;  // bank id → index in `kept`
  std::vector<Payment> kept;
  kept.reserve(read.payments.size());
  for (Payment& p : read.payments) {
    if (p.bank_id.empty()) {
      kept.push_back(std::move(p));
      continue;
    }
    const auto [it, fresh] = first.try_emplace(p.bank_id, kept.size());
    if (fresh) {
      kept.push_back(std::move(p));
      continue;
    }
    const Payment& before = kept[it->second];
    if (before.amount == p.amount && before.date == p.date) {
      diag.note({file, p.line, 0},
                fmt::format("transaction {} repeats line {} of the same file (same amount and "
                            "date): kept once",
                            p.bank_id, before.line));
      ++read.repeated;
      continue;
    }
    diag.error({file, p.line, 0},
               fmt::format("transaction {} of {} EUR on {} has the id of line {} of the same "
                           "file, {} EUR on {}: one id is one transaction",
                           p.bank_id, p.amount.to_string(2), p.date.iso(), before.line,
                           before.amount.to_string(2), before.date.iso()));
  }
  read.payments = std::move(kept);
}

}  // namespace

PaymentsFile read_payments(std::string bytes, const std::string& file, Diagnostics& diag) {
  PaymentsFile read =
      starts_as_xml(bytes)
          ? read_camt053(bytes, file, diag)
          : read_payments_csv(decode_input(std::move(bytes), file, diag), file, diag);
  drop_repeats(read, file, diag);
  return read;
}

}  // namespace citfee
