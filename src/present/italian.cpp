#include "present/italian.hpp"

#include <fmt/format.h>

namespace citfee {

namespace {

// Puts '.' between groups of three digits of a run of digits.
std::string group_thousands(const std::string& digits) {
  std::string out;
  const std::size_t n = digits.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += '.';
    out += digits[i];
  }
  return out;
}

}  // namespace

std::string italian_integer(std::int64_t n) {
  std::string text = std::to_string(n);
  if (text.front() == '-') return "-" + group_thousands(text.substr(1));
  return group_thousands(text);
}

std::string italian_decimal(Money m, int min_decimals) {
  const std::string text = m.to_string(min_decimals, ',');
  const bool negative = text.front() == '-';
  const std::string unsigned_text = negative ? text.substr(1) : text;
  const std::size_t comma = unsigned_text.find(',');
  std::string out = group_thousands(unsigned_text.substr(0, comma));
  if (comma != std::string::npos) out += unsigned_text.substr(comma);
  return negative ? "-" + out : out;
}

std::string italian_amount(Money m) {
  return italian_decimal(m) + " €";
}

std::string italian_signed_amount(Money m) {
  if (m.is_zero() || m.is_negative()) return italian_amount(m);
  return "+" + italian_amount(m);
}

namespace {

constexpr const char* kMonths[] = {"gennaio",   "febbraio", "marzo",    "aprile",
                                   "maggio",    "giugno",   "luglio",   "agosto",
                                   "settembre", "ottobre",  "novembre", "dicembre"};

}  // namespace

std::string italian_date(const Date& d) {
  const char* month = d.month >= 1 && d.month <= 12 ? kMonths[d.month - 1] : "?";
  return fmt::format("{} {} {}", d.day, month, d.year);
}

std::string italian_numeric_date(const Date& d) {
  return fmt::format("{:02}/{:02}/{:04}", d.day, d.month, d.year);
}

std::string italian_semester(const Period& p) {
  return fmt::format("{}° semestre {}", p.half == Half::H1 ? 1 : 2, p.year);
}

std::string italian_semester_months(const Period& p) {
  return fmt::format("{} {}", p.half == Half::H1 ? "gennaio–giugno" : "luglio–dicembre", p.year);
}

std::string italian_bill_subject(const IssuedBill& bill) {
  switch (bill.kind) {
    case BillKind::kAnnual:
      return fmt::format("quota annuale {}", bill.period);
    case BillKind::kAnnualCorrection:
      return fmt::format("rettifica della quota annuale {}", bill.period);
    case BillKind::kSemester:
      break;
  }
  return fmt::format("quote variabili del {}", italian_semester(Period::parse(bill.period)));
}

}  // namespace citfee
