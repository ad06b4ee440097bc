#include "cli/messages.hpp"

#include <algorithm>
#include <iostream>

#include <fmt/format.h>

namespace citfee::cli {

void warn(const std::string& text) {
  std::cerr << "citfee: warning: " << text << '\n';
}

std::string capped_list(const std::vector<std::string>& items) {
  const std::size_t shown = std::min<std::size_t>(items.size(), 10);
  std::string list =
      fmt::format("{}", fmt::join(items.begin(), items.begin() + static_cast<long>(shown), ", "));
  if (shown < items.size()) list += fmt::format(" and {} more", items.size() - shown);
  return list;
}

void note(const std::string& text) {
  std::cerr << "citfee: note: " << text << '\n';
}

void report_diagnostics(const Diagnostics& diag) {
  for (const auto& n : diag.notes) std::cerr << "citfee: note: " << n.str() << '\n';
  for (const auto& w : diag.warnings) warn(w.str());
  if (diag.ok()) return;
  for (const auto& e : diag.errors) std::cerr << "citfee: " << e.str() << '\n';
  std::string summary =
      diag.errors.size() == 1 ? "" : fmt::format("{} problems found", diag.errors.size());
  throw Error(Failure::kBadData, summary);
}

}  // namespace citfee::cli
