// The tariff shipped with citfee (built into the binary), in force in 2026:
// the one most unit tests compute with.
#pragma once

#include <vector>

#include <catch2/catch.hpp>

#include "citfee/tariff_source.hpp"

namespace citfee::test {

inline const Tariff& shipped() {
  static const std::vector<Tariff> tariffs = [] {
    Diagnostics diag;
    auto loaded = load_tariffs("", diag);
    if (!diag.ok()) FAIL(diag.errors.front().str());
    return loaded;
  }();
  const Tariff* tariff = tariff_in_force(tariffs, 2026);
  REQUIRE(tariff);
  return *tariff;
}

}  // namespace citfee::test
