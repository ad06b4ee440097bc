// Reads who issues the statements from a small TOML file (data/issuer.toml).
#pragma once

#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/issuer.hpp"

namespace citfee {

// Applies the keys of `text` to `issuer`: each key given replaces the value
// there, so a user's file may hold only the IBAN. An IBAN is checked. Every
// problem goes to `diag` with its line; returns false if there was any.
bool read_issuer(std::string_view text, const std::string& source, Issuer& issuer,
                 Diagnostics& diag);

// The text of data/issuer.toml, built into the binary.
std::string_view builtin_issuer_toml();

}  // namespace citfee
