// The letters of a run: which bills get one, their dates and file names,
// the bundle for printing and the sending list, staged with the report for
// the run's one commit (run/commit.hpp).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/annual.hpp"
#include "core/semester.hpp"
#include "output/emit.hpp"
#include "present/bill_marks.hpp"
#include "present/report.hpp"
#include "present/statement.hpp"
#include "run/commit.hpp"

namespace citfee {

// --statements and the options of the letters.
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

// Which letters a run writes. Without the books (`marks` none), one for each
// entity that owes something (all with --all). With them, one for each bill
// the run issued, and in an issuing run one for a bill issued before whose
// letter the folder lacks; with `copies`, one for each bill issued before,
// from the books.
struct LetterScope {
  const std::map<std::string, BillMark>* marks = nullptr;
  bool copies = false;
  bool reminders = false;
  // Letters of further bills the run issued (annual corrections).
  std::vector<Statement> more;
  // Every id of the run's entities file: without the books, their letters
  // of an earlier run of the same period are retired, and no other file.
  std::vector<std::string> entity_ids;
};

class StatementWriter {
 public:
  // Settles the issuer (built in, then --issuer, then --iban), the date and
  // the draft mark before any input is read. Without an IBAN, statements are
  // refused unless they are drafts.
  explicit StatementWriter(const StatementOptions& options);

  // The report and, with --statements, the letters of the run, staged.
  StagedRun stage_annual(Report report, const ReportOptions& common,
                         const std::vector<AnnualFee>& fees, const Tariff& tariff, int year,
                         LetterScope scope) const;
  // `more_sheets` go to a workbook after the report, as emit() takes them.
  StagedRun stage_semester(Report report, const ReportOptions& common,
                           const std::vector<SemesterBill>& bills, const Tariff& tariff,
                           Period period, std::vector<Report> more_sheets, LetterScope scope) const;
  // Reminders: their letters, the bundle solleciti-DATE.pdf and the sending
  // list, with the report; earlier reminders stay.
  StagedRun stage_reminders(Report report, const ReportOptions& common,
                            const std::vector<Statement>& letters) const;

  // The settings of the letters: issuer, date, draft mark.
  const StatementSettings& settings() const { return *settings_; }

  // The date of the letters, and of the bills a run issues.
  Date date() const;
  bool wanted() const { return settings_.has_value(); }

 private:
  // The bundle of a run's letters: its file stem and title, and the ending
  // of the letters' names.
  struct Bundle {
    std::string stem;
    std::string title;
    std::string letter_suffix;
  };

  StagedRun stage(Report report, const ReportOptions& common,
                  const std::vector<Statement>& statements, const Bundle& bundle,
                  std::vector<Report> more_sheets, const LetterScope& scope) const;
  void check_dates(std::vector<Statement>& statements, std::optional<Date> period_end,
                   bool copies) const;
  void refuse_report_among_letters(const std::string& output,
                                   const std::vector<Statement>& statements,
                                   const std::string& combined_stem) const;

  StatementOptions options_;
  std::optional<StatementSettings> settings_;  // set when statements are wanted
};

}  // namespace citfee
