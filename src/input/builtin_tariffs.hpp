// The tariffs shipped in data/tariffs/, built into the binary.
#pragma once

#include <string_view>
#include <vector>

namespace citfee {

struct EmbeddedFile {
  std::string_view name;  // cit-2026.toml
  std::string_view text;
};

std::vector<EmbeddedFile> builtin_tariff_files();

}  // namespace citfee
