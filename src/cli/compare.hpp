// What-if: --compare-tariff and --compare-method on annual and summary. The
// same entities' annual fees under another tariff or method, beside the fees.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/flags.hpp"

#include "core/annual.hpp"
#include "core/entity.hpp"
#include "core/tariff.hpp"
#include "present/annual_rows.hpp"

namespace citfee::cli {

struct CompareOptions {
  std::string tariff;  // empty: the run's own tariff
  std::string method;  // empty: the compared tariff's own method
  int year = 0;        // --compare-year; 0: none
};

// The other year's tariff, entities and fees, kept together since the fees
// point into them.
struct ComparedYear {
  Tariff tariff;
  std::vector<Entity> entities;
  YearComparison comparison;
};

void add_compare_options(CLI::App& cmd, CompareOptions& options);
void add_compare_year_option(CLI::App& cmd, CompareOptions& options);  // after the others

// The annual fees of `entities`, or the run stopped with every problem told.
std::vector<AnnualFee> annual_fees_or_fail(const Tariff& tariff, Method method,
                                           const std::vector<Entity>& entities, int year);
// The same for the entities pointed to, which the fees then point to.
std::vector<AnnualFee> annual_fees_or_fail(const Tariff& tariff, Method method,
                                           const std::vector<const Entity*>& entities, int year);

// The fees under the compared tariff or method; nothing when neither option is given.
std::optional<AnnualComparison> annual_comparison(const CompareOptions& options,
                                                  const std::vector<Entity>& entities,
                                                  const Tariff& tariff, int year);
std::optional<AnnualComparison> annual_comparison(const CompareOptions& options,
                                                  const std::vector<const Entity*>& entities,
                                                  const Tariff& tariff, int year);

// The fees of --compare-year for the same entities as `fees`, each with its
// populations of the year before that year, under that year's tariff and
// `method` (empty: that tariff's own); nothing without --compare-year.
std::unique_ptr<ComparedYear> year_comparison(const CompareOptions& options,
                                              const std::string& tariff_path,
                                              const std::string& method,
                                              const std::vector<Entity>& loaded,
                                              const std::vector<AnnualFee>& fees);

}  // namespace citfee::cli
