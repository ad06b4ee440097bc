#include "present/scope_words.hpp"

#include <fmt/format.h>

#include "present/italian.hpp"

namespace citfee {

ScopeWords scope_words(AllowanceScope scope) {
  switch (scope) {
    case AllowanceScope::kYear:
      return {"each calendar year", "per calendar year", "year", "per anno solare",
              "utilizzo nei semestri precedenti dell'anno"};
    case AllowanceScope::kConvention:
      return {"for the whole convention", "for the whole convention", "convention",
              "per tutta la durata della convenzione", "utilizzo nei semestri precedenti"};
    case AllowanceScope::kNone:
      return {};
  }
  return {};
}

// Why the free units are what they are, when they depend on the entity:
// " (Comuni fino a 5.000 abitanti)", " (Comunità Montana)".
std::string italian_basis(const Allowance& allowance, const Entity& entity) {
  const AllowanceRule rule = allowance_rule(allowance, entity);
  switch (rule.kind) {
    case AllowanceRule::Kind::kType:
      return fmt::format(" ({})", type_label(entity.type));
    case AllowanceRule::Kind::kBand:
      if (!rule.up_to) {
        return rule.from == 0
                   ? std::string()
                   : fmt::format(" (Comuni oltre {} abitanti)", italian_integer(rule.from - 1));
      }
      return rule.from == 0
                 ? fmt::format(" (Comuni fino a {} abitanti)", italian_integer(*rule.up_to))
                 : fmt::format(" (Comuni da {} a {} abitanti)", italian_integer(rule.from),
                               italian_integer(*rule.up_to));
    case AllowanceRule::Kind::kOtherwise:
      return rule.besides_comuni ? " (enti diversi dai Comuni)" : "";
    case AllowanceRule::Kind::kFixed:
      break;
  }
  return "";
}

}  // namespace citfee
