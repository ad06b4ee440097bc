#include "run/dates.hpp"

#include <cstdlib>
#include <ctime>

#include <fmt/format.h>

#include "core/error.hpp"

namespace citfee {

Date today() {
  if (const char* fixed = std::getenv("CITFEE_TODAY"); fixed && *fixed) {
    try {
      return parse_date(fixed);
    } catch (const ValueError& e) {
      throw Error(Failure::kBadUsage, fmt::format("CITFEE_TODAY: {}", e.what()));
    }
  }
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

Period last_completed_period() {
  Date d = today();
  return d.month >= 7 ? Period{d.year, Half::H1} : Period{d.year - 1, Half::H2};
}

Period period_option(const std::string& text) {
  try {
    return Period::parse(text);
  } catch (const ValueError& e) {
    throw Error(Failure::kBadUsage, fmt::format("--period: {}", e.what()));
  }
}

Date date_option(const std::string& text, std::string_view option, Date when_empty) {
  if (text.empty()) return when_empty;
  try {
    return parse_date(text);
  } catch (const ValueError& e) {
    throw Error(Failure::kBadUsage, fmt::format("{}: {}", option, e.what()));
  }
}

}  // namespace citfee
