// Members over time: a body joins during the Convention (art. 6, from the day
// it signs) and may withdraw only at the end of a year.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/period.hpp"

namespace citfee {

struct Membership {
  std::optional<Date> joined;  // none: a member since the Convention began
  std::optional<int> left;     // the last year of membership, to its 31 December
};

// How a body that joins during a year pays that year's annual fee: the
// schedule sets no pro-rata.
enum class Joining {
  kWholeYear,     // the whole fee of the year it joins
  kFromNextYear,  // nothing for the year it joins, the whole fee from the next
};

std::string_view joining_key(Joining joining);
std::optional<Joining> parse_joining(std::string_view text);

// A member in `year`: joined on or before its 31 December, not left before its 1 January.
bool is_member(const Membership& m, int year);

// Whether a member of `year` owes that year's annual fee under `joining`.
bool owes_annual_fee(const Membership& m, int year, Joining joining);

// Why usage on `date`, or in `period`, falls outside the membership; "" when inside.
std::string outside_membership(const Membership& m, Date date);
std::string outside_membership(const Membership& m, Period period);

// Why `left` is before `joined`; "" when it is not.
std::string membership_problem(const Membership& m);

// Parses a `left` cell: a year (2028) or the 31 December of one (2028-12-31,
// 31/12/2028). Any other date throws ValueError with a hint.
int parse_left(std::string_view text);

}  // namespace citfee
