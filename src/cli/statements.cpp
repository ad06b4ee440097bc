#include "cli/statements.hpp"

#include <algorithm>

#include <filesystem>

#include <fmt/format.h>

#include "cli/books_run.hpp"
#include "cli/emit.hpp"
#include "cli/messages.hpp"
#include "core/iban.hpp"
#include "input/issuer_toml.hpp"
#include "input/read_file.hpp"
#include "output/delimited.hpp"
#include "output/staged_files.hpp"
#include "output/statement_pdf.hpp"
#include "present/italian.hpp"
#include "present/labels.hpp"
#include "present/sending_list.hpp"
#include "present/statement_annual.hpp"
#include "present/statement_semester.hpp"

namespace citfee::cli {

void add_statement_options(CLI::App& cmd, StatementOptions& o, bool of_bills) {
  CLI::Option* dir = cmd.add_option(
      "--statements", o.directory,
      of_bills ? "Write a PDF statement (in Italian) for each entity into DIR, made if missing, "
                 "and one PDF with them all for printing"
               : "Write the letters (PDF, in Italian) into DIR, made if missing, and one PDF "
                 "with them all for printing");
  dir->type_name("DIR");
  cmd.add_flag("--draft", o.draft,
               "With --statements: mark every page BOZZA; allowed without an IBAN")
      ->needs(dir);
  cmd.add_option("--iban", o.iban, "With --statements: the IBAN the entities pay to (checked)")
      ->needs(dir);
  cmd.add_option(
         "--issuer", o.issuer,
         "With --statements: TOML file whose keys replace the built-in issuer's (name, office, "
         "address, tax_code, pec, place, iban, signature, days_to_pay)")
      ->needs(dir);
  cmd.add_option("--date", o.date, "With --statements: the date of the statements (default: today)")
      ->needs(dir);
  if (!of_bills) return;
  CLI::Option* all = cmd.add_flag("--all", o.all,
                                  "With --statements: also for entities that owe nothing (the "
                                  "semester's default: Annex A gives every member its account)");
  all->needs(dir);
  cmd.add_flag("--owing,--only-due", o.only_due,
               "With --statements: semester letters only for entities that owe something")
      ->needs(dir)
      ->excludes(all);
  cmd.add_flag("--allow-late", o.allow_late,
               "With --statements: write letters dated after the due date (they then ask for "
               "payment days_to_pay days, 30 by default, after their date) or before the "
               "semester has ended")
      ->needs(dir);
}

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
                             const CommonOptions& common) {
  Report list = sending_list(statements);
  if (common.lang == "it") list = with_italian_labels(std::move(list));
  WriteOptions options;
  options.decimal_mark = common.decimal_comma ? ',' : '.';
  return write_delimited(list, common.decimal_comma ? ';' : ',', options);
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

namespace {

void warn_stale(const std::vector<std::string>& names, const std::string& directory) {
  if (names.empty()) return;
  const std::string list = capped_list(names);
  warn(
      fmt::format("{}: {} letter(s) of an earlier run for bodies this run does not bill "
                  "removed: {}",
                  directory, names.size(), list));
}

void warn_without_pec(const std::vector<Statement>& statements) {
  std::vector<std::string> ids;
  for (const Statement& s : statements) {
    if (s.recipient.pec.empty()) ids.push_back(s.recipient.id);
  }
  if (ids.empty()) return;
  const std::string list = capped_list(ids);
  warn(
      fmt::format("{} letter(s) for entities without a PEC address: {} (marked in invio.csv: "
                  "send them another way; the address comes from the pec column of the entities "
                  "file, and is kept with each bill issued)",
                  ids.size(), list));
}

}  // namespace

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

namespace {

// The books first, since the letters carry their numbers; then the letters
// (`staged`, if any) and the report. A failure before the books' commit
// leaves every file and stdout as they were.
void commit_run(const RenderedReport& report, const BooksStep& books, StagedFiles* staged) {
  const std::unique_ptr<StagedFile> output = stage_report(report);
  check_interrupted();  // the last point where the run can still be taken back
  if (books.commit) {
    books.commit();
    if (staged) staged->keep_directory();
  }
  bool letters_placed = false;
  try {
    if (staged) staged->commit();
    letters_placed = true;
    output->place();
  } catch (const Error& e) {
    // Before the books' commit the staged letters go back as they were.
    if (!books.commit) throw;
    // The bills are issued: the letters in place stay theirs.
    if (staged && letters_placed) staged->finish();
    throw after_commit_error(e, books.books_path,
                             letters_placed ? "the report" : "the letters and the report");
  }
  if (staged) staged->finish();
}

void emit_then_commit(Report report, const CommonOptions& common, std::vector<Report> more_sheets,
                      const BooksStep& books) {
  commit_run(render_report(std::move(report), common, std::move(more_sheets)), books, nullptr);
}

// With the books, a letter goes with a bill issued by this run, and shows its
// number. In an issuing run, a bill issued before gets its letter too when
// the folder exists and lacks it: a run that committed the books and then
// failed left it so.
const BillMark* letter_mark(const BooksStep& books, const std::string& entity_id) {
  static const BillMark none;
  if (!books.marks) return &none;
  const auto it = books.marks->find(entity_id);
  if (it == books.marks->end() || it->second.number.empty()) return nullptr;
  const std::string& status = it->second.status;
  if (books.copies || status == "already_issued")
    return status == "already_issued" ? &it->second : nullptr;
  return status == "issued" || status == "credit" ? &it->second : nullptr;
}

// An issuing run's letter of a bill issued before, already in the folder
// (or with no folder at all): not written again.
bool letter_already_there(const BooksStep& books, const BillMark& mark,
                          const std::string& directory, const Statement& s) {
  if (books.copies || mark.status != "already_issued") return false;
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

}  // namespace

Date StatementWriter::date() const {
  return settings_ ? settings_->date : today();
}

void StatementWriter::emit_annual(Report report, const CommonOptions& common,
                                  const std::vector<AnnualFee>& fees, const Tariff& tariff,
                                  int year, const BooksStep& books) const {
  if (!settings_) return emit_then_commit(std::move(report), common, {}, books);
  std::vector<const Entity*> entities;
  for (const AnnualFee& fee : fees) entities.push_back(fee.entity);
  check_ids(entities);
  std::vector<Statement> statements;
  for (const AnnualFee& fee : fees) {
    const BillMark* mark = letter_mark(books, fee.entity->id);
    if (!mark || (!options_.all && !books.marks && fee.fee.is_zero())) continue;
    statements.push_back(annual_statement(fee, tariff, *settings_));
    if (books.marks) with_mark(statements.back(), *mark);
    if (letter_already_there(books, *mark, options_.directory, statements.back()))
      statements.pop_back();
  }
  if (books.more_letters) {
    for (Statement& s : books.more_letters(*settings_)) statements.push_back(std::move(s));
  }
  check_dates(statements, std::nullopt, books.copies);
  write(std::move(report), common, statements, fmt::format("quote-annuali-{}", year),
        fmt::format("Quote annuali di adesione al CIT – anno {}", year),
        fmt::format("-{}.pdf", year), {}, books);
}

void StatementWriter::emit_reminders(Report report, const CommonOptions& common,
                                     const std::vector<Statement>& letters,
                                     const BooksStep& books) const {
  if (letters.empty()) return emit_then_commit(std::move(report), common, {}, books);
  const std::string stem = fmt::format("solleciti-{}", settings_->date.iso());
  write(std::move(report), common, letters, stem,
        fmt::format("Solleciti di pagamento del {}", italian_date(settings_->date)), stem + ".pdf",
        {}, books);
}

void StatementWriter::emit_semester(Report report, const CommonOptions& common,
                                    const std::vector<SemesterBill>& bills, const Tariff& tariff,
                                    Period period, std::vector<Report> more_sheets,
                                    const BooksStep& books) const {
  if (!settings_) return emit_then_commit(std::move(report), common, std::move(more_sheets), books);
  std::vector<const Entity*> entities;
  for (const SemesterBill& bill : bills) entities.push_back(bill.entity);
  check_ids(entities);
  std::vector<Statement> statements;
  for (const SemesterBill& bill : bills) {
    // Annex A: "semestralmente verrà trasmessa all'Ente aderente una
    // comunicazione" with the services used, whether or not a fee is due.
    const BillMark* mark = letter_mark(books, bill.entity->id);
    if (!mark || (options_.only_due && bill.total.is_zero())) continue;
    statements.push_back(semester_statement(bill, tariff, *settings_));
    if (books.marks) with_mark(statements.back(), *mark);
    if (letter_already_there(books, *mark, options_.directory, statements.back()))
      statements.pop_back();
  }
  check_dates(statements, period.last_day(), books.copies);
  write(std::move(report), common, statements, fmt::format("quote-variabili-{}", period.str()),
        fmt::format("Quote variabili CIT – {}", italian_semester(period)),
        fmt::format("-{}.pdf", period.str()), std::move(more_sheets), books);
}

void StatementWriter::write(Report report, const CommonOptions& common,
                            const std::vector<Statement>& statements,
                            const std::string& combined_stem, const std::string& combined_title,
                            const std::string& letter_suffix, std::vector<Report> more_sheets,
                            const BooksStep& books) const {
  if (statements.empty()) {
    warn(books.copies ? "no statement written: no bill of the run is issued in the books"
         : books.marks
             ? "no statement written: no bill was issued by this run"
             : "no statement written: no entity owes anything (--all writes them anyway)");
    return emit_then_commit(std::move(report), common, std::move(more_sheets), books);
  }
  // Everything is made before anything is kept: the report rendered, the
  // letters staged under temporary names. Then the books, the letters and
  // the report, in that order (commit_run).
  refuse_report_among_letters(common.output, statements, combined_stem);
  const RenderedReport rendered = render_report(std::move(report), common, std::move(more_sheets));
  const std::vector<std::string> pdfs = statement_pdfs(statements, combined_title);
  StagedFiles staged(options_.directory);
  staged.remove_leftovers();
  for (std::size_t i = 0; i < statements.size(); ++i)
    staged.add(statements[i].file_stem + ".pdf", pdfs[i]);
  staged.add(combined_stem + ".pdf", pdfs.back());
  staged.add("invio.csv", sending_list_csv(statements, common));
  // Without the books a run writes the whole set of its period: a letter of
  // an earlier run for a body it no longer bills would be sent by mistake.
  // Only the letters of this run's entities are such letters.
  std::vector<std::string> stale;
  if (!books.marks) {
    std::vector<std::string> candidates;
    for (const std::string& id : books.entity_ids) candidates.push_back(id + letter_suffix);
    stale = staged.retire_others(candidates);
  }
  commit_run(rendered, books, &staged);
  warn_without_pec(statements);
  warn_stale(stale, options_.directory);
}

}  // namespace citfee::cli
