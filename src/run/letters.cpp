#include "run/letters.hpp"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "core/iban.hpp"
#include "input/issuer_toml.hpp"
#include "input/read_file.hpp"
#include "output/delimited.hpp"
#include "output/messages.hpp"
#include "output/statement_pdf.hpp"
#include "present/italian.hpp"
#include "present/labels.hpp"
#include "present/sending_list.hpp"
#include "present/statement_annual.hpp"
#include "present/statement_semester.hpp"
#include "run/dates.hpp"

namespace citfee {

namespace {

Issuer load_issuer(const StatementOptions& o) {
  Issuer issuer;
  Diagnostics diag;
  read_issuer(builtin_issuer_toml(), "issuer.toml (built in)", issuer, diag);
  if (!o.issuer.empty()) {
    if (o.issuer == "-")
      throw Error(Failure::kBadUsage, "--issuer: give a file, not standard input");
    read_issuer(read_input(o.issuer), display_name(o.issuer), issuer, diag);
  }
  report_diagnostics(diag);
  if (!o.iban.empty()) {
    issuer.iban = compact_iban(o.iban);
    try {
      check_iban(issuer.iban);
    } catch (const ValueError& e) {
      throw Error(Failure::kBadUsage, fmt::format("--iban: {}", e.what()));
    }
  }
  return issuer;
}

// Every id must make a file name; all the bad ones are told at once.
void check_ids(const std::vector<const Entity*>& entities) {
  Diagnostics diag;
  for (const Entity* e : entities) {
    const std::string problem = file_name_problem(e->id);
    if (!problem.empty()) {
      diag.error(e->where,
                 fmt::format("id \"{}\" cannot name a statement file: {}", e->id, problem));
    }
  }
  report_diagnostics(diag);
}

// invio.csv: the letters and where they go. Always CSV, for the office's
// spreadsheet: ';' and decimal comma with --decimal-comma, Italian headers
// with --lang it.
std::string sending_list_csv(const std::vector<Statement>& statements,
                             const ReportOptions& common) {
  Report list = sending_list(statements);
  if (common.lang == "it") list = with_italian_labels(std::move(list));
  WriteOptions options;
  options.decimal_mark = common.decimal_comma ? ',' : '.';
  return write_delimited(list, common.decimal_comma ? ';' : ',', options);
}

// With the books, a letter goes with a bill issued by this run, and shows its
// number. In an issuing run, a bill issued before gets its letter too when
// the folder exists and lacks it: a run that committed the books and then
// failed left it so.
const BillMark* letter_mark(const LetterScope& scope, const std::string& entity_id) {
  static const BillMark none;
  if (!scope.marks) return &none;
  const auto it = scope.marks->find(entity_id);
  if (it == scope.marks->end() || it->second.number.empty()) return nullptr;
  const BillState state = it->second.state;
  if (state == BillState::kAlreadyIssued) return &it->second;
  if (scope.copies) return nullptr;
  return state == BillState::kIssued || state == BillState::kCredit ? &it->second : nullptr;
}

// An issuing run's letter of a bill issued before, already in the folder
// (or with no folder at all): not written again.
bool letter_already_there(const LetterScope& scope, const BillMark& mark,
                          const std::string& directory, const Statement& s) {
  if (scope.copies || mark.state != BillState::kAlreadyIssued) return false;
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(directory, ec)) return true;
  return fs::exists(fs::path(directory) / (s.file_stem + ".pdf"), ec);
}

// A letter of an issued bill bears its number and its date.
void with_mark(Statement& s, const BillMark& mark) {
  s.number = mark.number;
  s.date = mark.date;
}

// The warnings of a run's letters, told once they are in place.
std::optional<std::string> stale_warning(const std::vector<std::string>& names,
                                         const std::string& directory) {
  if (names.empty()) return std::nullopt;
  const std::string list = capped_list(names);
  return fmt::format(
      "{}: {} letter(s) of an earlier run for bodies this run does not bill "
      "removed: {}",
      directory, names.size(), list);
}

std::optional<std::string> without_pec_warning(const std::vector<Statement>& statements) {
  std::vector<std::string> ids;
  for (const Statement& s : statements) {
    if (s.recipient.pec.empty()) ids.push_back(s.recipient.id);
  }
  if (ids.empty()) return std::nullopt;
  const std::string list = capped_list(ids);
  return fmt::format(
      "{} letter(s) for entities without a PEC address: {} (marked in invio.csv: "
      "send them another way; the address comes from the pec column of the entities "
      "file, and is kept with each bill issued)",
      ids.size(), list);
}

}  // namespace

// -o naming one of the files the letters' folder gets: the bundle, a letter
// or invio.csv would overwrite the report, or it them.
void StatementWriter::refuse_report_among_letters(const std::string& output,
                                                  const std::vector<Statement>& statements,
                                                  const std::string& combined_stem) const {
  if (output.empty()) return;
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path report = fs::weakly_canonical(output, ec);
  if (ec) return;
  std::vector<std::string> names{combined_stem + ".pdf", "invio.csv"};
  for (const Statement& s : statements) names.push_back(s.file_stem + ".pdf");
  for (const std::string& name : names) {
    const fs::path file = fs::weakly_canonical(fs::path(options_.directory) / name, ec);
    if (!ec && file == report) {
      throw Error(Failure::kBadUsage,
                  fmt::format("-o {} is a file of the statements folder {}: write the report "
                              "elsewhere",
                              output, options_.directory));
    }
  }
}

// A letter must not ask to be paid by a day gone, nor bill a semester still
// running. Refused, unless --allow-late or --draft: a late letter then asks
// for payment days_to_pay days after its date. Copies from the books were
// checked when they were issued, and come out the same.
void StatementWriter::check_dates(std::vector<Statement>& statements,
                                  std::optional<Date> period_end, bool copies) const {
  const int days = settings_->issuer.days_to_pay;
  std::vector<std::string> reasons;
  const auto early = std::find_if(statements.begin(), statements.end(), [&](const Statement& s) {
    return period_end && s.date <= *period_end;
  });
  if (early != statements.end()) {
    reasons.push_back(
        fmt::format("the semester ends on {} and the letters are dated {}: it has "
                    "not ended",
                    italian_numeric_date(*period_end), italian_numeric_date(early->date)));
  }
  const auto late = std::find_if(statements.begin(), statements.end(),
                                 [&](const Statement& s) { return s.due < s.date; });
  if (late != statements.end()) {
    reasons.push_back(fmt::format("the letters are dated {}, after the due date {}",
                                  italian_numeric_date(late->date),
                                  italian_numeric_date(late->due)));
  }
  if (reasons.empty()) return;
  const std::string reason = fmt::format("{}", fmt::join(reasons, "; "));
  const std::string then = late == statements.end()
                               ? ""
                               : fmt::format(" (the letters then ask for payment by {})",
                                             italian_numeric_date(add_days(late->date, days)));
  if (!options_.draft && !options_.allow_late && !copies) {
    throw Error(
        Failure::kBadUsage,
        fmt::format("{}: check --date and the period, or pass --allow-late{}", reason, then));
  }
  if (!copies) warn(reason + then);
  for (Statement& s : statements) {
    if (s.due < s.date) s.due = add_days(s.date, days);
  }
}

StatementWriter::StatementWriter(const StatementOptions& options) : options_(options) {
  if (options.directory.empty()) return;
  StatementSettings settings;
  settings.issuer = load_issuer(options);
  if (settings.issuer.iban.empty() && !options.draft) {
    throw Error(
        Failure::kBadUsage,
        "statements need the IBAN the entities pay to, and the Convention does not give it: pass "
        "--iban IT.., or put iban = \"IT..\" in a file given with --issuer; or pass --draft for "
        "drafts marked BOZZA");
  }
  settings.date = date_option(options.date, "--date", today());
  settings.draft = options.draft;
  settings_ = settings;
}

Date StatementWriter::date() const {
  return settings_ ? settings_->date : today();
}

StagedRun StatementWriter::stage_annual(Report report, const ReportOptions& common,
                                        const std::vector<AnnualFee>& fees, const Tariff& tariff,
                                        int year, LetterScope scope) const {
  if (!settings_) return stage_report_only(std::move(report), common);
  std::vector<const Entity*> entities;
  for (const AnnualFee& fee : fees) entities.push_back(fee.entity);
  check_ids(entities);
  std::vector<Statement> statements;
  for (const AnnualFee& fee : fees) {
    const BillMark* mark = letter_mark(scope, fee.entity->id);
    if (!mark || (!options_.all && !scope.marks && fee.fee.is_zero())) continue;
    statements.push_back(annual_statement(fee, tariff, *settings_));
    if (scope.marks) with_mark(statements.back(), *mark);
    if (letter_already_there(scope, *mark, options_.directory, statements.back()))
      statements.pop_back();
  }
  for (Statement& s : scope.more) statements.push_back(std::move(s));
  check_dates(statements, std::nullopt, scope.copies);
  const Bundle bundle{fmt::format("quote-annuali-{}", year),
                      fmt::format("Quote annuali di adesione al CIT – anno {}", year),
                      fmt::format("-{}.pdf", year)};
  return stage(std::move(report), common, statements, bundle, {}, scope);
}

StagedRun StatementWriter::stage_reminders(Report report, const ReportOptions& common,
                                           const std::vector<Statement>& letters) const {
  if (letters.empty()) return stage_report_only(std::move(report), common);
  const std::string stem = fmt::format("solleciti-{}", settings_->date.iso());
  const Bundle bundle{stem,
                      fmt::format("Solleciti di pagamento del {}", italian_date(settings_->date)),
                      stem + ".pdf"};
  LetterScope scope;
  scope.reminders = true;
  return stage(std::move(report), common, letters, bundle, {}, scope);
}

StagedRun StatementWriter::stage_semester(Report report, const ReportOptions& common,
                                          const std::vector<SemesterBill>& bills,
                                          const Tariff& tariff, Period period,
                                          std::vector<Report> more_sheets,
                                          LetterScope scope) const {
  if (!settings_) return stage_report_only(std::move(report), common, std::move(more_sheets));
  std::vector<const Entity*> entities;
  for (const SemesterBill& bill : bills) entities.push_back(bill.entity);
  check_ids(entities);
  std::vector<Statement> statements;
  for (const SemesterBill& bill : bills) {
    // Annex A: "semestralmente verrà trasmessa all'Ente aderente una
    // comunicazione" with the services used, whether or not a fee is due.
    const BillMark* mark = letter_mark(scope, bill.entity->id);
    if (!mark || (options_.only_due && bill.total.is_zero())) continue;
    statements.push_back(semester_statement(bill, tariff, *settings_));
    if (scope.marks) with_mark(statements.back(), *mark);
    if (letter_already_there(scope, *mark, options_.directory, statements.back()))
      statements.pop_back();
  }
  check_dates(statements, period.last_day(), scope.copies);
  const Bundle bundle{fmt::format("quote-variabili-{}", period.str()),
                      fmt::format("Quote variabili CIT – {}", italian_semester(period)),
                      fmt::format("-{}.pdf", period.str())};
  return stage(std::move(report), common, statements, bundle, std::move(more_sheets), scope);
}

StagedRun StatementWriter::stage(Report report, const ReportOptions& common,
                                 const std::vector<Statement>& statements, const Bundle& bundle,
                                 std::vector<Report> more_sheets, const LetterScope& scope) const {
  if (statements.empty()) {
    if (!scope.reminders) {
      warn(scope.copies  ? "no statement written: no bill of the run is issued in the books"
           : scope.marks ? "no statement written: no bill was issued by this run"
                         : "no statement written: no entity owes anything (--all writes them "
                           "anyway)");
    }
    return stage_report_only(std::move(report), common, std::move(more_sheets));
  }
  // Everything is made before anything is kept: the report rendered, the
  // letters staged under temporary names (commit_run then puts them in place).
  refuse_report_among_letters(common.output, statements, bundle.stem);
  StagedRun run = stage_report_only(std::move(report), common, std::move(more_sheets));
  const std::vector<std::string> pdfs = statement_pdfs(statements, bundle.title);
  run.letters = std::make_unique<StagedFiles>(options_.directory);
  StagedFiles& staged = *run.letters;
  staged.remove_leftovers();
  for (std::size_t i = 0; i < statements.size(); ++i)
    staged.add(statements[i].file_stem + ".pdf", pdfs[i]);
  staged.add(bundle.stem + ".pdf", pdfs.back());
  staged.add("invio.csv", sending_list_csv(statements, common));
  // Without the books a run writes the whole set of its period: a letter of
  // an earlier run for a body it no longer bills would be sent by mistake.
  // Only the letters of this run's entities are such letters.
  std::vector<std::string> stale;
  if (!scope.marks && !scope.reminders) {
    std::vector<std::string> candidates;
    for (const std::string& id : scope.entity_ids) candidates.push_back(id + bundle.letter_suffix);
    stale = staged.retire_others(candidates);
  }
  if (auto w = without_pec_warning(statements)) run.warnings.push_back(*w);
  if (auto w = stale_warning(stale, options_.directory)) run.warnings.push_back(*w);
  return run;
}

}  // namespace citfee
