#include "core/membership.hpp"

#include <fmt/format.h>

#include "core/error.hpp"

namespace citfee {

std::string_view joining_key(Joining joining) {
  return joining == Joining::kWholeYear ? "whole_year" : "from_next_year";
}

std::optional<Joining> parse_joining(std::string_view text) {
  if (text == "whole_year") return Joining::kWholeYear;
  if (text == "from_next_year") return Joining::kFromNextYear;
  return std::nullopt;
}

bool is_member(const Membership& m, int year) {
  if (m.joined && m.joined->year > year) return false;
  return !m.left || *m.left >= year;
}

bool owes_annual_fee(const Membership& m, int year, Joining joining) {
  if (!is_member(m, year)) return false;
  const bool joined_during = m.joined && m.joined->year == year && Date{year, 1, 1} < *m.joined;
  return !(joined_during && joining == Joining::kFromNextYear);
}

std::string outside_membership(const Membership& m, Date date) {
  if (m.joined && date < *m.joined) {
    return fmt::format("usage dated {} is before the entity joined on {}", date.iso(),
                       m.joined->iso());
  }
  if (m.left && date.year > *m.left) {
    return fmt::format("usage dated {} is after the entity left on {}-12-31", date.iso(), *m.left);
  }
  return "";
}

std::string outside_membership(const Membership& m, Period period) {
  const Date last_day =
      period.half == Half::H1 ? Date{period.year, 6, 30} : Date{period.year, 12, 31};
  if (m.joined && last_day < *m.joined) {
    return fmt::format("usage in {} is before the entity joined on {}", period.str(),
                       m.joined->iso());
  }
  if (m.left && period.year > *m.left) {
    return fmt::format("usage in {} is after the entity left on {}-12-31", period.str(), *m.left);
  }
  return "";
}

std::string membership_problem(const Membership& m) {
  if (m.joined && m.left && *m.left < m.joined->year) {
    return fmt::format("left {}-12-31 is before joined {}: correct one of the two", *m.left,
                       m.joined->iso());
  }
  return "";
}

int parse_left(std::string_view text) {
  const bool just_year =
      text.size() == 4 && text.find_first_not_of("0123456789") == std::string_view::npos;
  if (just_year)
    return (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  Date d;
  try {
    d = parse_date(text);
  } catch (const ValueError& e) {
    throw ValueError(fmt::format("left {}", e.what()));
  }
  if (d.month != 12 || d.day != 31) {
    throw ValueError(
        fmt::format("left \"{}\" is not a 31 December: a body withdraws only at the end of a year "
                    "(Convention art. 6); write {}-12-31, or {} if it left on 31 December {}",
                    text, d.year, d.year - 1, d.year - 1));
  }
  return d.year;
}

}  // namespace citfee
