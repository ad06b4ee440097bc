// citfee summary: the year at a glance, for the Director: annual fees by band
// and by type, variable fees by service and semester, the bodies that pay the
// most; with --compare-tariff or --compare-method, what a revision would change.
#include <memory>
#include <optional>

#include "books/books.hpp"
#include "cli/compare.hpp"
#include "cli/input_options.hpp"
#include "cli/options.hpp"
#include "cli/registry.hpp"
#include "core/semester.hpp"
#include "core/summary.hpp"
#include "output/emit.hpp"
#include "present/payments_rows.hpp"
#include "present/summary_rows.hpp"
#include "run/events.hpp"
#include "run/load.hpp"

namespace citfee::cli {

namespace {

struct SummaryOptions {
  std::string sheet;  // --sheet: of every .xlsx input
  CommonOptions common;
  CompareOptions compare;
  int year = 0;
  std::string entities;
  std::vector<std::string> usage;
  std::vector<std::string> events;
  std::vector<std::string> populations;
  std::string method;
  std::size_t top = 10;
  std::string books;
};

// With the books: what the year's bills came to, what was paid, what is owed.
Report collection(const std::string& path, int year) {
  const Books books = Books::open_for_reading(path);
  const Date as_of = today();
  const std::vector<IssuedBill> bills = books.bills();
  const std::vector<Payment> payments = books.payments();
  const auto balances = bill_balances(bills, payments, books.reminders(), as_of);
  return collection_report(collection_of_year(balances, year), year, as_of);
}

// The variable fees of both semesters of the year, every entity's.
// The ledger knows every entity of the file, members or not, as semester's does.
std::vector<SemesterBill> year_bills(const SummaryOptions& o, const std::vector<Entity>& all,
                                     const std::vector<Entity>& entities, const Tariff& tariff,
                                     int year) {
  const Period h1{year, Half::H1};
  const Period h2{year, Half::H2};
  const UsageLedger ledger = load_ledger_or_fail(o.usage, o.events, all, tariff, h2, o.sheet);
  std::vector<SemesterBill> bills;
  for (Period period : {h1, h2}) {
    for (const Entity& e : entities) bills.push_back(semester_bill(tariff, ledger, e, period));
  }
  return bills;
}

void run_summary(const SummaryOptions& o) {
  output_format(o.common);  // a bad -o or -O stops the run before any input is read
  std::vector<std::string> inputs = o.usage;
  inputs.insert(inputs.end(), o.events.begin(), o.events.end());
  inputs.insert(inputs.end(), o.populations.begin(), o.populations.end());
  inputs.push_back(o.entities);
  check_single_stdin(inputs);
  const int year = o.year ? o.year : today().year;
  const Tariff tariff = tariff_for_year(o.common.tariff, year);
  const std::vector<Entity> loaded = load_entities_or_fail(o.entities, o.populations, o.sheet);
  std::vector<Entity> members;
  for (const Entity& e : loaded) {
    if (billed_for_year(tariff, e, year)) members.push_back(e);
  }
  // As annual and semester count them: the residents at 31 December of the year before.
  const std::vector<Entity> entities = with_populations_or_fail(members, year - 1);
  const Method method = o.method.empty() ? tariff.annual.method : *parse_method(o.method);
  const std::vector<AnnualFee> fees = annual_fees_or_fail(tariff, method, entities, year);
  const std::optional<AnnualComparison> comparison =
      annual_comparison(o.compare, entities, tariff, year);
  const AnnualSummary annual =
      summarize_annual(fees, tariff.annual.bands.size(), comparison ? &comparison->fees : nullptr);
  const SummaryContext context{year, &tariff, method, comparison ? comparison->what : ""};
  std::vector<Report> tables;
  tables.push_back(summary_band_report(annual, context));
  tables.push_back(summary_type_report(annual, context));
  if (!o.usage.empty() || !o.events.empty()) {
    const std::vector<SemesterBill> bills = year_bills(o, loaded, entities, tariff, year);
    const std::vector<Period> periods{{year, Half::H1}, {year, Half::H2}};
    tables.push_back(summary_service_report(summarize_services(bills, tariff, periods), context));
    tables.push_back(summary_top_report(top_entities(bills, o.top), context));
  }
  if (!o.books.empty()) tables.push_back(collection(o.books, year));
  emit_tables(std::move(tables), o.common);
}

}  // namespace

Action add_summary(CLI::App& app) {
  auto o = std::make_shared<SummaryOptions>();
  CLI::App* cmd = app.add_subcommand(
      "summary", "The year at a glance: fees by band, type and service, the largest variable fees");
  cmd->add_option("--year", o->year, "Year summed up (default: the current year)")
      ->check(CLI::Range(1900, 9999));
  cmd->add_option("--entities", o->entities, "Entities CSV; - for standard input")->required();
  cmd->add_option("--usage", o->usage,
                  "Usage CSV, as semester reads it; with it (or --events) the variable fees of "
                  "both semesters of the year are summed too; repeatable");
  add_events_option(*cmd, o->events);
  add_populations_option(*cmd, o->populations);
  cmd->add_option("--method", o->method, "flat or marginal (default: the tariff's)")
      ->check(CLI::IsMember({"flat", "marginal"}));
  cmd->add_option("--top", o->top,
                  "How many bodies the table of the largest variable fees lists (default: 10)")
      ->check(CLI::Range(1, 100000));
  cmd->add_option("--books", o->books,
                  "The books: add what the year's bills came to, what was paid, what is owed "
                  "and overdue today")
      ->type_name("FILE");
  add_compare_options(*cmd, o->compare);
  add_tariff_option(*cmd, o->common);
  add_sheet_option(*cmd, o->sheet);
  add_output_options(*cmd, o->common);
  cmd->footer(R"(The tables: annual fees by band and by type (bodies, residents, total); with
--usage or --events, variable fees by service and semester (units used, free,
billable, amount) and the bodies with the largest variable fees; with --books, the
year's bills by kind: billed, paid, outstanding, overdue and credit, today. A workbook
has one sheet per table, each with its chart.

Examples:
  citfee summary --year 2027 --entities enti.csv
  citfee summary --year 2027 --entities enti.csv --usage consumi.csv -o sintesi-2027.xlsx
  citfee summary --year 2027 --entities enti.csv --compare-tariff cit-2028.toml -O table
  citfee summary --year 2027 --entities enti.csv --usage consumi.csv --top 20 -O json
  citfee summary --year 2027 --entities enti.csv --books registro.db -O table)");
  return [o] { run_summary(*o); };
}

}  // namespace citfee::cli
