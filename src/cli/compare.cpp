#include "cli/compare.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "cli/input_options.hpp"
#include "input/tariff_source.hpp"
#include "output/messages.hpp"
#include "run/load.hpp"

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

void add_compare_year_option(CLI::App& cmd, CompareOptions& options) {
  cmd.add_option("--compare-year", options.year,
                 "Compare with the fees of another year: its populations, its tariff, and why "
                 "each fee changed (band, population, tariff)")
      ->type_name("YEAR")
      ->check(CLI::Range(1900, 9999))
      ->excludes("--compare-tariff")
      ->excludes("--compare-method");
}

namespace {

std::vector<const Entity*> refs_of(const std::vector<Entity>& entities) {
  std::vector<const Entity*> refs;
  refs.reserve(entities.size());
  for (const Entity& e : entities) refs.push_back(&e);
  return refs;
}

}  // namespace

std::vector<AnnualFee> annual_fees_or_fail(const Tariff& tariff, Method method,
                                           const std::vector<Entity>& entities, int year) {
  return annual_fees_or_fail(tariff, method, refs_of(entities), year);
}

std::vector<AnnualFee> annual_fees_or_fail(const Tariff& tariff, Method method,
                                           const std::vector<const Entity*>& entities, int year) {
  std::vector<AnnualFee> fees;
  fees.reserve(entities.size());
  Diagnostics diag;
  for (const Entity* e : entities) {
    try {
      fees.push_back(annual_fee(tariff, method, *e, year));
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
  return annual_comparison(options, refs_of(entities), tariff, year);
}

std::optional<AnnualComparison> annual_comparison(const CompareOptions& options,
                                                  const std::vector<const Entity*>& entities,
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

std::unique_ptr<ComparedYear> year_comparison(const CompareOptions& options,
                                              const std::string& tariff_path,
                                              const std::string& method,
                                              const std::vector<Entity>& loaded,
                                              const std::vector<AnnualFee>& fees) {
  if (options.year == 0) return nullptr;
  const int year = options.year;
  auto other = std::make_unique<ComparedYear>();
  other->tariff = tariff_for_year(tariff_path, year);
  std::vector<Entity> billed;
  for (const Entity& e : loaded) {
    if (billed_for_year(other->tariff, e, year)) billed.push_back(e);
  }
  other->entities = with_populations_or_fail(billed, year - 1);
  const Method m = method.empty() ? other->tariff.annual.method : *parse_method(method);
  const std::vector<AnnualFee> other_fees =
      annual_fees_or_fail(other->tariff, m, other->entities, year);
  other->comparison.year = year;
  other->comparison.tariff = &other->tariff;
  for (const AnnualFee& fee : fees) {
    auto same = std::find_if(other_fees.begin(), other_fees.end(),
                             [&](const AnnualFee& f) { return f.entity->id == fee.entity->id; });
    other->comparison.fees.push_back(same == other_fees.end() ? std::nullopt
                                                              : std::optional<AnnualFee>(*same));
  }
  return other;
}

}  // namespace citfee::cli
