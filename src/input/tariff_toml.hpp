// Loads a tariff from TOML text. Decimals reach Money without a double: they
// are written as strings ("0.175") or whole numbers; a bare float literal is
// read back from its own text in the document.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/tariff.hpp"

namespace citfee {

// Parses and validates one tariff. Every problem goes to `diag` with its
// line and column; returns nothing if there was any.
std::optional<Tariff> parse_tariff(std::string_view text, const std::string& source,
                                   Diagnostics& diag);

}  // namespace citfee
