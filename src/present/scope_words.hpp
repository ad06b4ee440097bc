// How each allowance scope is said, in English and Italian: one switch over
// the enum without a default, so a new scope does not build until it is
// described here.
#pragma once

#include <string>
#include <string_view>

#include "core/tariff.hpp"

namespace citfee {

struct ScopeWords {
  std::string_view each;        // each calendar year / for the whole convention
  std::string_view per;         // per calendar year / for the whole convention
  std::string_view span;        // year / convention: "used before 2026-H2 in the same year"
  std::string_view per_it;      // per anno solare
  std::string_view earlier_it;  // utilizzo nei semestri precedenti dell'anno
};

// Empty words for kNone, which has no free units to describe.
ScopeWords scope_words(AllowanceScope scope);

// Why the free units are what they are, when they depend on the entity:
// " (Comuni fino a 5.000 abitanti)", " (Comunità Montana)"; empty otherwise.
std::string italian_basis(const Allowance& allowance, const Entity& entity);

}  // namespace citfee
