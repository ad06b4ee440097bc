// citfee explain: how one entity's annual fee or semester bill was derived.
#include <memory>

#include <fmt/format.h>

#include "cli/books_run.hpp"
#include "cli/input_options.hpp"
#include "cli/options.hpp"
#include "cli/registry.hpp"
#include "core/annual.hpp"
#include "core/semester.hpp"
#include "core/settlement.hpp"
#include "input/read_file.hpp"
#include "input/tariff_source.hpp"
#include "output/atomic_file.hpp"
#include "present/explain.hpp"
#include "run/events.hpp"
#include "run/load.hpp"

namespace citfee::cli {

namespace {

struct ExplainOptions {
  std::string sheet;  // --sheet: of every .xlsx input
  std::string id;
  int year = 0;
  std::string period;
  std::string entities;
  std::vector<std::string> usage;
  std::vector<std::string> events;
  std::vector<std::string> populations;
  std::string tariff;
  std::string method;
  BooksOptions books;
  std::string lang = "en";
};

const Entity& find_entity(const std::vector<Entity>& entities, const std::string& id,
                          const std::string& file) {
  for (const Entity& e : entities) {
    if (e.id == id) return e;
  }
  throw Error(Failure::kBadData,
              fmt::format("{}: no entity has id \"{}\"", display_name(file), id));
}

// ": it joined on 2027-04-01", ": it left on 2028-12-31".
std::string membership_words(const Entity& e) {
  std::string out;
  if (e.membership.joined) out += fmt::format(": it joined on {}", e.membership.joined->iso());
  if (e.membership.left) {
    out += fmt::format("{} it left on {}-12-31", out.empty() ? ":" : ",", *e.membership.left);
  }
  return out;
}

std::string explain_year(const ExplainOptions& o) {
  const int year = o.year ? o.year : today().year;
  const Tariff tariff = tariff_for_year(o.tariff, year);
  const std::vector<Entity> all = load_entities_or_fail(o.entities, o.populations, o.sheet);
  const Entity& found = find_entity(all, o.id, o.entities);
  if (!is_member(found.membership, year)) {
    throw Error(Failure::kBadData, fmt::format("{} ({}) is not a member in {}{}", found.id,
                                               found.name, year, membership_words(found)));
  }
  const std::vector<Entity> entities = with_populations_or_fail({found}, year - 1);
  const Entity& entity = entities.front();
  const Method method = o.method.empty() ? tariff.annual.method : *parse_method(o.method);
  return explain_annual(annual_fee(tariff, method, entity, year), tariff, language_of(o.lang));
}

std::string explain_period(const ExplainOptions& o) {
  const Period period = o.period.empty() ? last_completed_period() : period_option(o.period);
  const Tariff tariff = tariff_for_year(o.tariff, period.year);
  const std::vector<Entity> all = load_entities_or_fail(o.entities, o.populations, o.sheet);
  const Entity& found = find_entity(all, o.id, o.entities);
  if (!is_member(found.membership, period.year)) {
    throw Error(Failure::kBadData, fmt::format("{} ({}) is not a member in {}{}", found.id,
                                               found.name, period.year, membership_words(found)));
  }
  const UsageLedger ledger = load_ledger_or_fail(o.usage, o.events, all, tariff, period, o.sheet);
  const std::vector<Entity> entities = with_populations_or_fail({found}, period.year - 1);
  const Entity& entity = entities.front();
  const Language language = language_of(o.lang);
  std::string out =
      explain_semester(semester_bill(tariff, ledger, entity, period), tariff, language);
  if (o.books.path.empty()) return out;
  const BooksRun books(o.books);
  const std::vector<IssuedBill>& mine = books.of_entity(entity.id);
  std::vector<Settlement> settled;
  const std::vector<Tariff> tariffs = load_tariffs_or_fail(o.tariff);
  for (Period q : periods_to_settle(mine, period)) {
    const Tariff& t = select_tariff(tariffs, q.year);
    const Entity e = with_population_of(found, q.year - 1);
    settled.push_back({q, billed_for(mine, q), semester_bill(t, ledger, e, q).total});
  }
  return out + explain_settlements(period, settled,
                                   issued_bill_for(mine, BillKind::kSemester, period.str()),
                                   language);
}

void run_explain(const ExplainOptions& o) {
  std::vector<std::string> inputs = o.usage;
  inputs.insert(inputs.end(), o.events.begin(), o.events.end());
  inputs.insert(inputs.end(), o.populations.begin(), o.populations.end());
  inputs.push_back(o.entities);
  check_single_stdin(inputs);
  const bool semester = !o.period.empty() || ((!o.usage.empty() || !o.events.empty()) && !o.year);
  write_stdout(semester ? explain_period(o) : explain_year(o));
}

}  // namespace

Action add_explain(CLI::App& app) {
  auto o = std::make_shared<ExplainOptions>();
  CLI::App* cmd =
      app.add_subcommand("explain", "Show in plain words how one entity's fee was derived");
  cmd->add_option("id", o->id, "Id of the entity, as in the entities file")->required();
  auto* year = cmd->add_option("--year", o->year, "Explain the annual fee of this year")
                   ->check(CLI::Range(1900, 9999));
  auto* period =
      cmd->add_option("--period", o->period, "Explain the semester bill of this period (2026-H1)");
  year->excludes(period);
  cmd->add_option("--entities", o->entities, "Entities CSV; - for standard input")->required();
  cmd->add_option("--usage", o->usage, "Usage CSV (wide or long); repeatable");
  add_events_option(*cmd, o->events);
  add_populations_option(*cmd, o->populations);
  add_sheet_option(*cmd, o->sheet);
  cmd->add_option("--tariff", o->tariff, "Tariff file or directory (default: built in)");
  cmd->add_option("--method", o->method,
                  "flat or marginal, for the annual fee (default: the tariff's)")
      ->check(CLI::IsMember({"flat", "marginal"}));
  add_books_options(*cmd, o->books, false);
  add_lang_option(*cmd, o->lang, "Language of the explanation: en (default) or it");
  cmd->footer(
      R"(Without --period, --usage or --events it explains the annual fee; with them, the semester bill.
The population shown is the one the fee counts (31 December of the year before), with its source.

Examples:
  citfee explain 017003 --year 2027 --entities enti.csv
  citfee explain 017003 --period 2026-H2 --entities enti.csv --usage consumi.csv
  citfee explain 017003 --period 2026-H2 --entities enti.csv --usage consumi.csv --books registro.db
  citfee explain 017003 --year 2027 --entities enti.csv --populations popolazione-2026.csv
  citfee explain 017003 --year 2027 --entities enti.csv --lang it)");
  return [o] { run_explain(*o); };
}

}  // namespace citfee::cli
