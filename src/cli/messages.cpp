#include "cli/messages.hpp"

#include <algorithm>
#include <iostream>

#include <fmt/format.h>

#include "core/text.hpp"

namespace citfee::cli {

void say(std::string_view kind, std::string_view text) {
  // Text from a file or the command line: an escape sequence in it would
  // reach the terminal.
  std::cerr << "citfee: " << kind << escape_controls(text) << '\n';
}

void warn(const std::string& text) {
  say("warning: ", text);
}

std::string capped_list(const std::vector<std::string>& items) {
  const std::size_t shown = std::min<std::size_t>(items.size(), 10);
  std::string list =
      fmt::format("{}", fmt::join(items.begin(), items.begin() + static_cast<long>(shown), ", "));
  if (shown < items.size()) list += fmt::format(" and {} more", items.size() - shown);
  return list;
}

void note(const std::string& text) {
  say("note: ", text);
}

void report_diagnostics(const Diagnostics& diag) {
  for (const auto& n : diag.notes) note(n.str());
  for (const auto& w : diag.warnings) warn(w.str());
  if (diag.ok()) return;
  for (const auto& e : diag.errors) say("", e.str());
  std::string summary =
      diag.errors.size() == 1 ? "" : fmt::format("{} problems found", diag.errors.size());
  throw Error(Failure::kBadData, summary);
}

}  // namespace citfee::cli
