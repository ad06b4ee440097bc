// What the TOML readers (tariffs, issuer) share: a document parsed with its
// syntax error placed in the file, and the place of a node, for messages.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <toml++/toml.h>

#include "core/error.hpp"

namespace citfee {

// The file, line and column of `node`; the file alone when there is no node.
Location toml_place(const std::string& source, const toml::node* node);

// The document, or nothing with the syntax error reported in `diag`.
std::optional<toml::table> parse_toml(std::string_view text, const std::string& source,
                                      Diagnostics& diag);

}  // namespace citfee
