// citfee semester: the variable fees of a semester.
#include <algorithm>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "cli/books_run.hpp"
#include "cli/input_options.hpp"
#include "cli/options.hpp"
#include "cli/registry.hpp"
#include "cli/statements.hpp"
#include "core/bill_issue.hpp"
#include "core/semester.hpp"
#include "core/settlement.hpp"
#include "input/tariff_source.hpp"
#include "output/emit.hpp"
#include "output/messages.hpp"
#include "present/bill_marks.hpp"
#include "present/semester_rows.hpp"
#include "run/commit.hpp"
#include "run/events.hpp"
#include "run/issuing.hpp"
#include "run/load.hpp"

namespace citfee::cli {

namespace {

struct SemesterOptions {
  std::string sheet;  // --sheet: of every .xlsx input
  CommonOptions common;
  StatementOptions statements;
  BooksOptions books;
  std::string period;
  std::string entities;
  std::vector<std::string> usage;
  std::vector<std::string> events;
  std::vector<std::string> populations;
  std::string by = "line";
};

// An entity with no row in a period the ledger covers may be a row that went
// missing: worth a word on stderr, but not an error.
void warn_entities_without_usage(const UsageLedger& ledger, const std::vector<Entity>& entities,
                                 Period period) {
  std::vector<std::string> missing;
  bool covered = false;
  for (const Entity& e : entities) {
    if (ledger.has_usage(e.id, period)) {
      covered = true;
    } else {
      missing.push_back(e.id);
    }
  }
  if (!covered || missing.empty()) return;
  const std::string list = capped_list(missing);
  warn(fmt::format("{} of {} entities have no usage in {}: {}", missing.size(), entities.size(),
                   period.str(), list));
}

void run_semester(const SemesterOptions& o) {
  output_format(o.common);  // a bad -o or -O stops the run before any input is read
  const StatementWriter statements(o.statements);
  const Period period = o.period.empty() ? last_completed_period() : period_option(o.period);
  BooksRun books(o.books);
  if (o.usage.empty() && o.events.empty()) {
    throw Error(Failure::kBadUsage,
                "semester: give the usage with --usage FILE, --events FILE, or both");
  }
  check_single_stdin([&] {
    std::vector<std::string> all = o.usage;
    all.insert(all.end(), o.events.begin(), o.events.end());
    all.insert(all.end(), o.populations.begin(), o.populations.end());
    all.push_back(o.entities);
    return all;
  }());
  const Tariff tariff = tariff_for_year(o.common.tariff, period.year);
  const std::vector<Entity> all = load_entities_or_fail(o.entities, o.populations, o.sheet);
  // Every entity, members or not, so that usage outside a membership is named.
  const UsageLedger ledger = load_ledger_or_fail(o.usage, o.events, all, tariff, period, o.sheet);
  std::vector<Entity> members;
  for (const Entity& e : all) {
    if (is_member(e.membership, period.year)) members.push_back(e);
  }
  // The Telemaco allowance of every semester of year Y counts the residents
  // at 31 December Y-1, as the annual fee of Y does.
  const std::vector<Entity> entities = with_populations_or_fail(members, period.year - 1);
  warn_entities_without_usage(ledger, entities, period);
  warn_missing_history(ledger, tariff, period);
  std::vector<SemesterBill> bills;
  for (const Entity& e : entities) bills.push_back(semester_bill(tariff, ledger, e, period));
  std::map<std::string, BillMark> marks;
  if (books.active()) {
    std::vector<std::string> inputs = o.usage;
    inputs.insert(inputs.end(), o.events.begin(), o.events.end());
    inputs.insert(inputs.end(), o.populations.begin(), o.populations.end());
    inputs.push_back(o.entities);
    marks = plan_semester(books, bills, load_tariffs_or_fail(o.common.tariff), ledger, inputs,
                          tariff, statements.date());
  }
  // A workbook holds both views, the --by one first.
  Report first = semester_lines_report(bills, tariff, period);
  Report second = semester_entities_report(bills, tariff, period);
  if (books.active()) {
    first = with_bill_marks(std::move(first), marks);
    second = with_bill_marks(std::move(second), marks);
  }
  if (o.by == "entity") std::swap(first, second);
  std::vector<Report> more_sheets;
  more_sheets.push_back(std::move(second));
  LetterScope scope;
  for (const Entity& e : all) scope.entity_ids.push_back(e.id);
  if (books.active()) {
    scope.marks = &marks;
    scope.copies = !books.issuing();
  }
  StagedRun run = statements.stage_semester(std::move(first), o.common, bills, tariff, period,
                                            std::move(more_sheets), std::move(scope));
  commit_run(run, books.to_commit());
  if (books.active()) tell_issued(marks, o.books.path, !books.issuing() && statements.wanted());
}

}  // namespace

Action add_semester(CLI::App& app) {
  auto o = std::make_shared<SemesterOptions>();
  CLI::App* cmd =
      app.add_subcommand("semester", "Compute the variable fees (quote variabili) of a semester");
  cmd->add_option(
      "--period", o->period,
      "Semester billed, 2026-H1 (January-June) or 2026-H2 (July-December); default: the last "
      "one completed");
  cmd->add_option("--entities", o->entities, "Entities CSV; - for standard input")->required();
  cmd->add_option("--usage", o->usage,
                  "Usage CSV, wide (id,period,firme,rinnovi,pec,telemaco) or long "
                  "(id,period,service,quantity[,unit_price]); repeatable");
  add_events_option(*cmd, o->events);
  add_populations_option(*cmd, o->populations);
  add_sheet_option(*cmd, o->sheet);
  cmd->add_option("--by", o->by,
                  "line: one row per entity and service used; entity: one row per entity")
      ->check(CLI::IsMember({"line", "entity"}));
  add_tariff_option(*cmd, o->common);
  add_output_options(*cmd, o->common);
  add_statement_options(*cmd, o->statements);
  add_books_options(*cmd, o->books, true);
  cmd->footer(R"(One usage ledger can serve every run: usage of earlier semesters uses up the free
allowances, usage after the semester billed is ignored. Raw event logs (--events)
count each event in the semester of its date, with or instead of --usage.
The Telemaco allowance of every semester of year Y counts the residents at
31 December Y-1; only the members of the period's year are billed.

Examples:
  citfee semester --period 2026-H1 --entities enti.csv --usage consumi.csv          # July 2026
  citfee semester --period 2026-H2 --entities enti.csv --usage consumi.csv --by entity
  citfee semester --period 2026-H2 --entities enti.csv --usage consumi.csv -o quote-2026-H2.csv
  citfee semester --period 2026-H2 --entities enti.csv --usage consumi.csv -o quote-2026-H2.xlsx
  citfee semester --period 2026-H1 --entities enti.csv --usage consumi.csv --statements lettere --draft
  citfee semester --period 2026-H2 --entities enti.csv --events telemaco-log.csv --by entity
  citfee semester --period 2026-H2 --entities enti.csv --usage consumi.csv --populations popolazione.csv
  citfee semester --period 2026-H2 --entities enti.csv --usage consumi.csv --books registro.db --issue \
      --statements lettere-2026-H2 --iban IT60X0542811101000000123456

With --books and --issue every member's bill is numbered (QV-2026/0001) and kept
in the books, never to change; a second run issues only what is missing. The
bill of a semester settles (conguaglio) every earlier one issued whose usage
has changed since, as a line of its own.)");
  return [o] { run_semester(*o); };
}

}  // namespace citfee::cli
