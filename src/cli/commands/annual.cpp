// citfee annual: the fixed annual fee of every entity.
#include <algorithm>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "cli/compare.hpp"
#include "cli/emit.hpp"
#include "cli/inputs.hpp"
#include "cli/messages.hpp"
#include "cli/options.hpp"
#include "cli/registry.hpp"
#include "cli/statements.hpp"
#include "core/annual.hpp"
#include "input/tariff_source.hpp"
#include "present/annual_rows.hpp"

namespace citfee::cli {

namespace {

struct AnnualOptions {
  std::string sheet;  // --sheet: of every .xlsx input
  CommonOptions common;
  StatementOptions statements;
  CompareOptions compare;
  int year = 0;
  std::string entities;
  std::vector<std::string> populations;
  std::string method;
};

// A Comune whose band changed since last year pays a different fee for it:
// worth a word, once.
void warn_band_changes(const std::vector<AnnualFee>& fees, const Tariff& tariff, int year) {
  std::vector<std::string> ids;
  for (const AnnualFee& fee : fees) {
    if (band_change(fee, tariff)) ids.push_back(fee.entity->id);
  }
  if (ids.empty()) return;
  const std::size_t shown = std::min<std::size_t>(ids.size(), 10);
  std::string list =
      fmt::format("{}", fmt::join(ids.begin(), ids.begin() + static_cast<long>(shown), ", "));
  if (shown < ids.size()) list += fmt::format(" and {} more", ids.size() - shown);
  warn(
      fmt::format("{} Comune(s) change population band from {} to {}: {} (citfee explain ID "
                  "--year {} shows how)",
                  ids.size(), year - 1, year, list, year));
}

void run_annual(const AnnualOptions& o) {
  output_format(o.common);  // a bad -o or -O stops the run before any input is read
  const StatementWriter statements(o.statements);
  const int year = o.year ? o.year : today().year;
  const Tariff tariff = tariff_for_year(o.common.tariff, year);
  check_single_stdin([&] {
    std::vector<std::string> all = o.populations;
    all.push_back(o.entities);
    return all;
  }());
  const std::vector<Entity> loaded = load_entities_or_fail(o.entities, o.populations, o.sheet);
  std::vector<Entity> billed;
  for (const Entity& e : loaded) {
    if (billed_for_year(tariff, e, year)) billed.push_back(e);
  }
  // The fee of year Y counts the residents at 31 December Y-1 (Annex A).
  const std::vector<Entity> entities = with_populations_or_fail(billed, year - 1);
  const Method method = o.method.empty() ? tariff.annual.method : *parse_method(o.method);
  const std::vector<AnnualFee> fees = annual_fees_or_fail(tariff, method, entities, year);
  warn_band_changes(fees, tariff, year);
  const std::optional<AnnualComparison> comparison =
      annual_comparison(o.compare, entities, tariff, year);
  const std::unique_ptr<ComparedYear> other_year =
      year_comparison(o.compare, o.common.tariff, o.method, loaded, fees);
  statements.emit_annual(
      annual_report(fees, tariff, year, method, comparison ? &*comparison : nullptr,
                    other_year ? &other_year->comparison : nullptr),
      o.common, fees, tariff, year);
}

}  // namespace

Action add_annual(CLI::App& app) {
  auto o = std::make_shared<AnnualOptions>();
  CLI::App* cmd =
      app.add_subcommand("annual", "Compute the fixed annual fee (quota annuale) of every entity");
  cmd->add_option("--year", o->year, "Year billed (default: the current year)")
      ->check(CLI::Range(1900, 9999));
  cmd->add_option("--entities", o->entities,
                  "Entities CSV (id,name,type,population); - for standard input")
      ->required();
  add_populations_option(*cmd, o->populations);
  add_sheet_option(*cmd, o->sheet);
  cmd->add_option("--method", o->method, "flat or marginal (default: the tariff's)")
      ->check(CLI::IsMember({"flat", "marginal"}));
  add_compare_options(*cmd, o->compare);
  add_compare_year_option(*cmd, o->compare);
  add_tariff_option(*cmd, o->common);
  add_output_options(*cmd, o->common);
  add_statement_options(*cmd, o->statements);
  cmd->footer(R"(Examples:
  citfee annual --year 2027 --entities enti.csv
  citfee annual --year 2027 --entities enti.csv -o quote-2027.csv
  citfee annual --year 2027 --entities enti.csv -o quote-2027.xlsx    # Excel, LibreOffice Calc
  citfee annual --year 2027 --entities enti.csv -O csv --decimal-comma > quote-2027.csv
  citfee annual --year 2027 --entities enti.csv --populations POSAS_2027_it_017.csv
  citfee annual --year 2027 --entities enti.csv --method marginal -O json
  citfee annual --year 2027 --entities enti.csv --compare-tariff cit-2028.toml   # what-if
  citfee annual --year 2027 --entities enti.csv --compare-method marginal
  citfee annual --year 2027 --entities enti.csv --compare-year 2026      # who pays more, why
  citfee annual --year 2027 --entities enti.csv --statements lettere-2027 --iban IT60X0542811101000000123456)");
  return [o] { run_annual(*o); };
}

}  // namespace citfee::cli
