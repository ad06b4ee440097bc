// Members who join and leave: art. 6 of the Convention.
#include <catch2/catch.hpp>

#include <string>

#include "core/annual.hpp"
#include "core/membership.hpp"
#include "support.hpp"

using namespace citfee;
using Catch::Matchers::Contains;

TEST_CASE("a member in Y joined on or before 31 December Y and did not leave before 1 January Y",
          "[membership]") {
  const Membership always;
  CHECK(is_member(always, 2026));
  const Membership joins{Date{2027, 4, 1}, std::nullopt};
  CHECK_FALSE(is_member(joins, 2026));
  CHECK(is_member(joins, 2027));
  CHECK(is_member(joins, 2030));
  const Membership leaves{std::nullopt, 2028};
  CHECK(is_member(leaves, 2028));
  CHECK_FALSE(is_member(leaves, 2029));
}

TEST_CASE("a body joining during a year pays as the tariff's joining says", "[membership]") {
  const Membership april{Date{2027, 4, 1}, std::nullopt};
  CHECK(owes_annual_fee(april, 2027, Joining::kWholeYear));
  CHECK_FALSE(owes_annual_fee(april, 2027, Joining::kFromNextYear));
  CHECK(owes_annual_fee(april, 2028, Joining::kFromNextYear));
  const Membership new_year{Date{2027, 1, 1}, std::nullopt};
  CHECK(owes_annual_fee(new_year, 2027, Joining::kFromNextYear));
  CHECK_FALSE(owes_annual_fee(april, 2026, Joining::kWholeYear));
  // The shipped tariff writes down its reading.
  CHECK(test::shipped().joining == Joining::kWholeYear);
}

TEST_CASE("usage outside the membership is named", "[membership]") {
  const Membership m{Date{2026, 9, 15}, 2028};
  CHECK(outside_membership(m, Period{2026, Half::H2}).empty());
  CHECK_THAT(outside_membership(m, Period{2026, Half::H1}),
             Contains("before the entity joined on 2026-09-15"));
  CHECK_THAT(outside_membership(m, Period{2029, Half::H1}),
             Contains("after the entity left on 2028-12-31"));
  CHECK(outside_membership(m, Date{2026, 9, 15}).empty());
  CHECK_THAT(outside_membership(m, Date{2026, 9, 14}), Contains("2026-09-14 is before"));
  CHECK(outside_membership(m, Date{2028, 12, 31}).empty());
  CHECK_THAT(outside_membership(m, Date{2029, 1, 1}), Contains("after"));
}

TEST_CASE("left is a year or its 31 December; anything else is refused with a hint",
          "[membership]") {
  CHECK(parse_left("2028") == 2028);
  CHECK(parse_left("2028-12-31") == 2028);
  CHECK(parse_left("31/12/2028") == 2028);
  CHECK_THROWS_WITH(parse_left("2028-06-30"), Contains("not a 31 December"));
  CHECK_THROWS_WITH(parse_left("2028-06-30"), Contains("art. 6"));
  CHECK_THROWS_AS(parse_left("soon"), ValueError);
  CHECK_THAT(membership_problem({Date{2027, 1, 1}, 2026}), Contains("before joined"));
  CHECK(membership_problem({Date{2027, 1, 1}, 2027}).empty());
}
