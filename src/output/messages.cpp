#include "output/messages.hpp"

#include <algorithm>
#include <iostream>

#include <fmt/format.h>

#include "core/text.hpp"

namespace citfee {

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

namespace {

// "a", "a and b", "a, b and c".
std::string and_list(const std::vector<std::string>& items) {
  if (items.size() < 2) return items.empty() ? "" : items.front();
  return fmt::format("{} and {}", fmt::join(items.begin(), items.end() - 1, ", "), items.back());
}

}  // namespace

void warn_missing_history(const UsageLedger& ledger, const Tariff& tariff, Period period) {
  const MissingHistory missing = missing_history(ledger, tariff, period);
  std::string what;
  if (!missing.convention.empty()) what = "the free " + and_list(missing.convention);
  if (!missing.year.empty())
    what += (what.empty() ? "" : ", and ") + ("this year's free " + and_list(missing.year)) +
            (what.empty() ? "" : ",");
  if (what.empty()) return;
  warn(
      fmt::format("no usage before {}: {} are taken as unused by the earlier semesters; give the "
                  "usage of every semester since {}-H1",
                  period.str(), what, tariff.convention_start));
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

}  // namespace citfee
