#include "input/tariff_source.hpp"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "input/builtin_tariffs.hpp"
#include "input/read_file.hpp"
#include "input/tariff_toml.hpp"

namespace citfee {

namespace {

void add_tariff(std::string_view text, const std::string& source, std::vector<Tariff>& out,
                Diagnostics& diag) {
  if (auto tariff = parse_tariff(text, source, diag)) out.push_back(std::move(*tariff));
}

std::vector<std::string> toml_files_in(const std::string& dir) {
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".toml") files.push_back(entry.path().string());
  }
  if (ec)
    throw Error(Failure::kNoInput,
                fmt::format("{}: cannot read the directory: {}", dir, ec.message()));
  std::sort(files.begin(), files.end());
  return files;
}

void check_distinct_years(const std::vector<Tariff>& tariffs, Diagnostics& diag) {
  for (std::size_t i = 0; i < tariffs.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (tariffs[i].first_year == tariffs[j].first_year) {
        diag.error({tariffs[i].source, 0, 0},
                   fmt::format("first_year {} is also the first year of {}: "
                               "which tariff applies would be ambiguous",
                               tariffs[i].first_year, tariffs[j].source));
      }
    }
  }
}

}  // namespace

std::vector<Tariff> load_tariffs(const std::string& path, Diagnostics& diag) {
  std::vector<Tariff> tariffs;
  if (path.empty()) {
    for (const auto& file : builtin_tariff_files())
      add_tariff(file.text, std::string(file.name), tariffs, diag);
  } else if (std::filesystem::is_directory(path)) {
    std::vector<std::string> files = toml_files_in(path);
    if (files.empty())
      throw Error(Failure::kNoInput, fmt::format("{}: no .toml tariff in this directory", path));
    for (const auto& file : files) add_tariff(read_input(file), file, tariffs, diag);
  } else {
    add_tariff(read_input(path), path, tariffs, diag);
  }
  check_distinct_years(tariffs, diag);
  return tariffs;
}

const Tariff& select_tariff(const std::vector<Tariff>& tariffs, int year) {
  if (const Tariff* t = tariff_in_force(tariffs, year)) return *t;
  std::vector<int> years;
  for (const auto& t : tariffs) years.push_back(t.first_year);
  std::sort(years.begin(), years.end());
  throw Error(Failure::kBadData,
              fmt::format("no tariff is in force for {}: the tariffs loaded start in {}", year,
                          fmt::join(years, ", ")));
}

}  // namespace citfee
