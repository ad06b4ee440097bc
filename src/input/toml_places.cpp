#include "input/toml_places.hpp"

#include <fmt/format.h>

namespace citfee {

Location toml_place(const std::string& source, const toml::node* node) {
  if (!node) return {source, 0, 0};
  return {source, static_cast<int>(node->source().begin.line),
          static_cast<int>(node->source().begin.column)};
}

std::optional<toml::table> parse_toml(std::string_view text, const std::string& source,
                                      Diagnostics& diag) {
  try {
    return toml::parse(text, source);
  } catch (const toml::parse_error& e) {
    diag.error({source, static_cast<int>(e.source().begin.line),
                static_cast<int>(e.source().begin.column)},
               fmt::format("not valid TOML: {}", e.description()));
    return std::nullopt;
  }
}

}  // namespace citfee
