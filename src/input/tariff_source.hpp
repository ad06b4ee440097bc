// Where tariffs come from: the shipped ones built into the binary, or a file
// or directory given with --tariff.
#pragma once

#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/tariff.hpp"

namespace citfee {

// Loads the tariffs at `path` (a .toml file, or a directory of them), or the
// built-in ones when `path` is empty. Problems go to `diag`; a missing path
// throws Error(kNoInput).
std::vector<Tariff> load_tariffs(const std::string& path, Diagnostics& diag);

// The tariff in force for `year`, or Error(kBadData) naming what is there.
const Tariff& select_tariff(const std::vector<Tariff>& tariffs, int year);

}  // namespace citfee
