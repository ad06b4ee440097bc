// What-if: --compare-tariff and --compare-method on annual and summary. The
// same entities' annual fees under another tariff or method, beside the fees.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "core/annual.hpp"
#include "core/entity.hpp"
#include "core/tariff.hpp"
#include "present/annual_rows.hpp"

namespace citfee::cli {

struct CompareOptions {
  std::string tariff;  // empty: the run's own tariff
  std::string method;  // empty: the compared tariff's own method
};

void add_compare_options(CLI::App& cmd, CompareOptions& options);

// The annual fees of `entities`, or the run stopped with every problem told.
std::vector<AnnualFee> annual_fees_or_fail(const Tariff& tariff, Method method,
                                           const std::vector<Entity>& entities, int year);

// The fees under the compared tariff or method; nothing when neither option is given.
std::optional<AnnualComparison> annual_comparison(const CompareOptions& options,
                                                  const std::vector<Entity>& entities,
                                                  const Tariff& tariff, int year);

}  // namespace citfee::cli
