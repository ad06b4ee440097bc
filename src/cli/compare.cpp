#include "cli/compare.hpp"

#include <fmt/format.h>

#include "cli/inputs.hpp"
#include "cli/messages.hpp"
#include "input/tariff_source.hpp"

namespace citfee::cli {

void add_compare_options(CLI::App& cmd, CompareOptions& options) {
  cmd.add_option("--compare-tariff", options.tariff,
                 "What-if: also compute the annual fees under the tariff in FILE (applied "
                 "whatever its first_year) and show the difference")
      ->type_name("FILE");
  cmd.add_option("--compare-method", options.method,
                 "What-if: also compute the annual fees by this method (flat or marginal) and "
                 "show the difference")
      ->check(CLI::IsMember({"flat", "marginal"}));
}

std::vector<AnnualFee> annual_fees_or_fail(const Tariff& tariff, Method method,
                                           const std::vector<Entity>& entities, int year) {
  std::vector<AnnualFee> fees;
  fees.reserve(entities.size());
  Diagnostics diag;
  for (const Entity& e : entities) {
    try {
      fees.push_back(annual_fee(tariff, method, e, year));
    } catch (const Error& err) {
      diag.error({}, err.what());
    }
  }
  report_diagnostics(diag);
  return fees;
}

namespace {

// A what-if tariff is often next year's draft: a file holding one tariff is
// applied as it is; a directory, as --tariff reads it, by the year.
Tariff compared_tariff(const std::string& path, int year) {
  if (path == "-")
    throw Error(Failure::kBadUsage, "--compare-tariff: give a file, not standard input");
  std::vector<Tariff> tariffs = load_tariffs_or_fail(path);
  if (tariffs.size() == 1) return tariffs.front();
  return select_tariff(tariffs, year);
}

}  // namespace

std::optional<AnnualComparison> annual_comparison(const CompareOptions& options,
                                                  const std::vector<Entity>& entities,
                                                  const Tariff& tariff, int year) {
  if (options.tariff.empty() && options.method.empty()) return std::nullopt;
  const Tariff other = options.tariff.empty() ? tariff : compared_tariff(options.tariff, year);
  const Method method =
      options.method.empty() ? other.annual.method : *parse_method(options.method);
  AnnualComparison comparison;
  if (!options.tariff.empty()) comparison.what = "tariff " + other.id;
  if (!options.method.empty()) {
    comparison.what +=
        fmt::format("{}method {}", comparison.what.empty() ? "" : ", ", method_key(method));
  }
  comparison.fees = annual_fees_or_fail(other, method, entities, year);
  return comparison;
}

}  // namespace citfee::cli
