#include "core/issued_bill.hpp"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

namespace citfee {

std::string_view kind_name(BillKind kind) {
  switch (kind) {
    case BillKind::kAnnual:
      return "annual";
    case BillKind::kAnnualCorrection:
      return "annual_correction";
    case BillKind::kSemester:
      return "semester";
  }
  return "annual";
}

std::optional<BillKind> parse_kind(std::string_view name) {
  for (BillKind k : {BillKind::kAnnual, BillKind::kAnnualCorrection, BillKind::kSemester}) {
    if (kind_name(k) == name) return k;
  }
  return std::nullopt;
}

int IssuedBill::year() const {
  int y = 0;
  std::from_chars(period.data(), period.data() + std::min<std::size_t>(period.size(), 4), y);
  return y;
}

Series series_of(BillKind kind, int year) {
  return {kind == BillKind::kSemester ? "QV" : "QA", year};
}

std::string bill_number(const Series& series, int sequence) {
  return fmt::format("{}-{}/{:04}", series.prefix, series.year, sequence);
}

std::string annual_reference(int year, std::string_view entity_id) {
  return fmt::format("CIT-QA-{}-{}", year, entity_id);
}

std::string semester_reference(Period period, std::string_view entity_id) {
  return fmt::format("CIT-QV-{}-{}", period.str(), entity_id);
}

std::string correction_reference(int year, std::string_view entity_id, int n) {
  return fmt::format("{}-R{}", annual_reference(year, entity_id), n);
}

Date correction_due(Date date, Date original_due) {
  return std::max(add_days(date, 30), original_due);
}

}  // namespace citfee
