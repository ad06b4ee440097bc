#include "present/scope_words.hpp"

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

}  // namespace citfee
