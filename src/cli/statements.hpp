// --statements on annual and semester: one PDF per entity, and one with them
// all for printing, written together with the command's usual output.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/options.hpp"
#include "core/annual.hpp"
#include "core/semester.hpp"
#include "present/bill_marks.hpp"
#include "present/report.hpp"
#include "present/statement.hpp"

namespace citfee::cli {

struct StatementOptions {
  std::string directory;  // empty: no statements
  bool all = false;       // annual letters also for a fee of zero
  bool only_due = false;  // semester letters only for a fee to pay
  bool draft = false;
  bool allow_late = false;  // letters dated after the due date, or before the semester ends
  std::string iban;
  std::string issuer;
  std::string date;
};

// The options of letters; `of_bills` adds those of the bills' letters
// (--all, --owing, --allow-late), which reminders do not take.
void add_statement_options(CLI::App& cmd, StatementOptions& options, bool of_bills = true);

// What a run with the books adds: the marks of its bills (a letter is made
// only for one issued now, and shows its number), and the commit of the
// books, made before the letters and the report are put in place, since the
// letters carry the bills' numbers.
struct BooksStep {
  const std::map<std::string, BillMark>* marks = nullptr;
  std::function<void()> commit;
  std::string books_path;  // named in the message of a failure after the commit
  bool copies = false;     // letters of the bills already issued, from the books
  // Letters of further bills the run issued (annual corrections).
  std::function<std::vector<Statement>(const StatementSettings&)> more_letters;
  // Every id of the run's entities file: without the books, their letters of
  // an earlier run of the same period are retired, and no other file.
  std::vector<std::string> entity_ids;
};

class StatementWriter {
 public:
  // Settles the issuer (built in, then --issuer, then --iban), the date and
  // the draft mark before any input is read. Without an IBAN, statements are
  // refused unless they are drafts.
  explicit StatementWriter(const StatementOptions& options);

  // Emits the report as emit() does and, with --statements, the statements
  // of the entities that owe something (all with --all): everything is
  // written, or, if anything fails, nothing.
  void emit_annual(Report report, const CommonOptions& common, const std::vector<AnnualFee>& fees,
                   const Tariff& tariff, int year, const BooksStep& books = {}) const;
  // `more_sheets` go to a workbook after the report, as emit() takes them.
  void emit_semester(Report report, const CommonOptions& common,
                     const std::vector<SemesterBill>& bills, const Tariff& tariff, Period period,
                     std::vector<Report> more_sheets = {}, const BooksStep& books = {}) const;

  // Reminders: their letters, the bundle solleciti-DATE.pdf and the sending
  // list, with the report, all or nothing; earlier reminders stay.
  void emit_reminders(Report report, const CommonOptions& common,
                      const std::vector<Statement>& letters, const BooksStep& books) const;

  // The settings of the letters: issuer, date, draft mark.
  const StatementSettings& settings() const { return *settings_; }

  // The date of the letters, and of the bills a run issues.
  Date date() const;
  bool wanted() const { return settings_.has_value(); }

 private:
  void write(Report report, const CommonOptions& common, const std::vector<Statement>& statements,
             const std::string& combined_stem, const std::string& combined_title,
             const std::string& letter_suffix, std::vector<Report> more_sheets,
             const BooksStep& books) const;
  void check_dates(std::vector<Statement>& statements, std::optional<Date> period_end,
                   bool copies) const;
  void refuse_report_among_letters(const std::string& output,
                                   const std::vector<Statement>& statements,
                                   const std::string& combined_stem) const;

  StatementOptions options_;
  std::optional<StatementSettings> settings_;  // set when statements are wanted
};

}  // namespace citfee::cli
