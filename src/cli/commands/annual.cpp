// citfee annual: the fixed annual fee of every entity.
#include <algorithm>
#include <deque>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "cli/books_run.hpp"
#include "cli/compare.hpp"
#include "cli/input_options.hpp"
#include "cli/options.hpp"
#include "cli/registry.hpp"
#include "cli/statements.hpp"
#include "core/annual.hpp"
#include "core/bill_issue.hpp"
#include "core/settlement.hpp"
#include "input/tariff_source.hpp"
#include "output/emit.hpp"
#include "output/messages.hpp"
#include "present/annual_rows.hpp"
#include "present/statement_correction.hpp"
#include "run/commit.hpp"
#include "run/issuing.hpp"
#include "run/load.hpp"

namespace citfee::cli {

namespace {

struct AnnualOptions {
  std::string sheet;  // --sheet: of every .xlsx input
  CommonOptions common;
  StatementOptions statements;
  CompareOptions compare;
  BooksOptions books;
  int year = 0;
  std::string entities;
  std::vector<std::string> populations;
  std::string method;
  bool skip_unpriced = false;
};

// The entities the tariff sets a fee for. One it does not stops the run,
// naming it, unless --skip-unpriced: then the others are billed, and the
// ones left out are listed.
std::vector<const Entity*> priced_or_fail(const std::vector<Entity*>& entities,
                                          const Tariff& tariff, bool skip_unpriced) {
  Diagnostics diag;
  std::vector<const Entity*> priced;
  std::vector<std::string> skipped;
  for (const Entity* entity : entities) {
    const Entity& e = *entity;
    if (has_annual_rule(tariff, e)) {
      priced.push_back(entity);
    } else if (skip_unpriced) {
      skipped.push_back(fmt::format("{} ({})", e.id, type_key(e.type)));
    } else {
      diag.error(e.where, fmt::format("the tariff {} sets no annual fee for type {} (entity "
                                      "\"{}\", {}): add a flat_fees rule for it to the tariff, or "
                                      "pass --skip-unpriced to bill the others",
                                      tariff.id, type_key(e.type), e.name, e.id));
    }
  }
  report_diagnostics(diag);
  if (!skipped.empty()) {
    warn(
        fmt::format("{} entity(ies) left out, the tariff {} setting no annual fee for their type "
                    "(--skip-unpriced): {}",
                    skipped.size(), tariff.id, capped_list(skipped)));
  }
  return priced;
}

// A Comune whose band changed since last year pays a different fee for it:
// worth a word, once.
void warn_band_changes(const std::vector<AnnualFee>& fees, const Tariff& tariff, int year) {
  std::vector<std::string> ids;
  for (const AnnualFee& fee : fees) {
    if (band_change(fee, tariff)) ids.push_back(fee.entity->id);
  }
  if (ids.empty()) return;
  const std::string list = capped_list(ids);
  warn(
      fmt::format("{} Comune(s) change population band from {} to {}: {} (citfee explain ID "
                  "--year {} shows how)",
                  ids.size(), year - 1, year, list, year));
}

void run_annual(const AnnualOptions& o) {
  output_format(o.common);  // a bad -o or -O stops the run before any input is read
  const StatementWriter statements(o.statements);
  BooksRun books(o.books);
  const int year = o.year ? o.year : today().year;
  const Tariff tariff = tariff_for_year(o.common.tariff, year);
  check_single_stdin([&] {
    std::vector<std::string> all = o.populations;
    all.push_back(o.entities);
    return all;
  }());
  std::vector<Entity> loaded = load_entities_or_fail(o.entities, o.populations, o.sheet);
  // The run refers to the entities loaded, never copies them: a copy carries
  // every population figure of every year. The fees point into `loaded`,
  // which is not changed after this.
  std::vector<Entity*> billed;
  for (Entity& e : loaded) {
    if (billed_for_year(tariff, e, year)) billed.push_back(&e);
  }
  // The fee of year Y counts the residents at 31 December Y-1 (Annex A).
  use_populations_or_fail(billed, year - 1);
  const std::vector<const Entity*> entities = priced_or_fail(billed, tariff, o.skip_unpriced);
  const Method method = o.method.empty() ? tariff.annual.method : *parse_method(o.method);
  std::vector<AnnualFee> fees = annual_fees_or_fail(tariff, method, entities, year);
  warn_band_changes(fees, tariff, year);
  const std::optional<AnnualComparison> comparison =
      annual_comparison(o.compare, entities, tariff, year);
  const std::unique_ptr<ComparedYear> other_year =
      year_comparison(o.compare, o.common.tariff, o.method, loaded, fees);
  std::map<std::string, BillMark> marks;
  std::deque<Entity> recipients;  // of the bills shown as issued
  std::vector<Correction> corrections;
  if (books.active()) {
    std::vector<std::string> inputs = o.populations;
    inputs.push_back(o.entities);
    marks = plan_annual(books, fees, recipients, corrections, inputs, tariff, statements.date());
  }
  Report report = annual_report(fees, tariff, year, method, comparison ? &*comparison : nullptr,
                                other_year ? &other_year->comparison : nullptr);
  LetterScope scope;
  for (const Entity& e : loaded) scope.entity_ids.push_back(e.id);
  if (books.active()) {
    report = with_bill_marks(std::move(report), marks);
    scope.marks = &marks;
    scope.copies = !books.issuing();
    if (statements.wanted()) {
      for (const Correction& c : corrections) {
        scope.more.push_back(
            correction_statement(c.bill, c.first, *c.entity, tariff, statements.settings()));
      }
    }
  }
  StagedRun run =
      statements.stage_annual(std::move(report), o.common, fees, tariff, year, std::move(scope));
  commit_run(run, books.to_commit());
  if (books.active()) tell_issued(marks, o.books.path, !books.issuing() && statements.wanted());
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
  cmd->add_flag("--skip-unpriced", o->skip_unpriced,
                "Bill the others when the tariff sets no fee for an entity's type (altro_ente "
                "without a flat_fees rule), and list the ones left out");
  add_compare_options(*cmd, o->compare);
  add_compare_year_option(*cmd, o->compare);
  add_tariff_option(*cmd, o->common);
  add_output_options(*cmd, o->common);
  add_statement_options(*cmd, o->statements);
  add_books_options(*cmd, o->books, true);
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
  citfee annual --year 2027 --entities enti.csv --statements lettere-2027 --iban IT60X0542811101000000123456
  citfee annual --year 2027 --entities enti.csv --books registro.db --issue \
      --statements lettere-2027 --iban IT60X0542811101000000123456

With --books and --issue every member's bill is numbered (QA-2027/0001) and kept
in the books, never to change; a second run issues only what is missing, and a
fee that has changed since (a corrected population) gets a correction bill of
the difference (CIT-QA-2027-017002-R1).)");
  return [o] { run_annual(*o); };
}

}  // namespace citfee::cli
