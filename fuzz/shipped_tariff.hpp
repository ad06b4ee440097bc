// The tariff built into citfee, loaded once for a fuzz target.
#pragma once

#include <vector>

#include "input/tariff_source.hpp"

namespace citfee::fuzz {

inline const Tariff& shipped() {
  static const std::vector<Tariff> tariffs = [] {
    Diagnostics diag;
    return load_tariffs("", diag);
  }();
  return tariffs.front();
}

}  // namespace citfee::fuzz
