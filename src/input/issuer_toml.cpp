#include "input/issuer_toml.hpp"

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "core/iban.hpp"
#include "input/toml_places.hpp"

namespace citfee {

namespace {

constexpr std::array<std::string_view, 9> kKeys = {
    "name", "office", "address", "tax_code", "pec", "place", "iban", "signature", "days_to_pay"};

bool read_text(const toml::node& node, const std::string& key, const std::string& source,
               std::string& out, Diagnostics& diag) {
  if (!node.is_string()) {
    diag.error(toml_place(source, &node),
               fmt::format("{} must be a string, e.g. {} = \"...\"", key, key));
    return false;
  }
  out = node.as_string()->get();
  return true;
}

bool read_lines(const toml::node& node, const std::string& key, const std::string& source,
                std::vector<std::string>& out, Diagnostics& diag) {
  const toml::array* array = node.as_array();
  if (!array || !array->is_homogeneous(toml::node_type::string)) {
    diag.error(
        toml_place(source, &node),
        fmt::format("{} must be a list of strings, one per line, e.g. {} = [\"...\", \"...\"]", key,
                    key));
    return false;
  }
  out.clear();
  for (const toml::node& line : *array) out.push_back(line.as_string()->get());
  return true;
}

bool read_iban(const toml::node& node, const std::string& source, std::string& out,
               Diagnostics& diag) {
  std::string text;
  if (!read_text(node, "iban", source, text, diag)) return false;
  out = compact_iban(text);
  if (out.empty()) return true;
  try {
    check_iban(out);
  } catch (const ValueError& e) {
    diag.error(toml_place(source, &node), e.what());
    return false;
  }
  return true;
}

bool read_days(const toml::node& node, const std::string& source, int& out, Diagnostics& diag) {
  // An integer in TOML, never a float: toml++ keeps it as int64.
  const toml::value<std::int64_t>* days = node.as_integer();
  if (!days || days->get() < 1 || days->get() > 365) {
    diag.error(toml_place(source, &node),
               "days_to_pay must be a whole number of days from 1 to 365, e.g. days_to_pay = 30");
    return false;
  }
  out = static_cast<int>(days->get());
  return true;
}

bool read_key(const std::string& key, const toml::node& node, const std::string& source,
              Issuer& issuer, Diagnostics& diag) {
  if (key == "name") return read_text(node, key, source, issuer.name, diag);
  if (key == "office") return read_text(node, key, source, issuer.office, diag);
  if (key == "address") return read_lines(node, key, source, issuer.address, diag);
  if (key == "tax_code") return read_text(node, key, source, issuer.tax_code, diag);
  if (key == "pec") return read_text(node, key, source, issuer.pec, diag);
  if (key == "place") return read_text(node, key, source, issuer.place, diag);
  if (key == "iban") return read_iban(node, source, issuer.iban, diag);
  if (key == "days_to_pay") return read_days(node, source, issuer.days_to_pay, diag);
  return read_lines(node, key, source, issuer.signature, diag);
}

}  // namespace

bool read_issuer(std::string_view text, const std::string& source, Issuer& issuer,
                 Diagnostics& diag) {
  const std::optional<toml::table> doc = parse_toml(text, source, diag);
  if (!doc) return false;
  // The table is sorted by key: problems are told in the order of the file.
  std::vector<std::pair<std::string, const toml::node*>> entries;
  for (const auto& [key, node] : *doc) entries.emplace_back(key.str(), &node);
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    return a.second->source().begin < b.second->source().begin;
  });
  bool ok = true;
  for (const auto& [key, node] : entries) {
    if (std::find(kKeys.begin(), kKeys.end(), key) == kKeys.end()) {
      diag.error(toml_place(source, node),
                 fmt::format("unknown key \"{}\" (known: {})", key, fmt::join(kKeys, ", ")));
      ok = false;
      continue;
    }
    ok = read_key(key, *node, source, issuer, diag) && ok;
  }
  auto require = [&](bool present, std::string_view key) {
    if (present) return;
    diag.error({source, 0, 0},
               fmt::format("{} is missing: a statement must say who issues it", key));
    ok = false;
  };
  require(!issuer.name.empty(), "name");
  require(!issuer.address.empty(), "address");
  require(!issuer.tax_code.empty(), "tax_code");
  return ok;
}

}  // namespace citfee
