// What many unit tests share: the shipped tariff, and problems as text.
#pragma once

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "input/tariff_source.hpp"

namespace citfee::test {

// Every error of `diag`, one per line, as citfee prints them.
inline std::string diagnostics_text(const Diagnostics& diag) {
  std::string out;
  for (const auto& d : diag.errors) out += d.str() + "\n";
  return out;
}

// The tariff shipped with citfee (built into the binary), in force in 2026:
// the one most unit tests compute with.
inline const Tariff& shipped() {
  static const std::vector<Tariff> tariffs = [] {
    Diagnostics diag;
    auto loaded = load_tariffs("", diag);
    if (!diag.ok()) FAIL(diagnostics_text(diag));
    return loaded;
  }();
  const Tariff* tariff = tariff_in_force(tariffs, 2026);
  REQUIRE(tariff);
  return *tariff;
}

}  // namespace citfee::test
