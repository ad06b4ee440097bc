// The one commit of a run. Everything a run writes is made first: the
// report rendered and written under a temporary name (or held back for
// standard output), the letters staged in their folder. Then the books are
// committed, since the letters carry the bills' numbers; then the letters
// are put in place, then the report. A failure before the books' commit
// leaves everything as it was; one after it is told as such, and a re-run
// of the same command writes what is missing.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "books/books.hpp"
#include "output/atomic_file.hpp"
#include "output/emit.hpp"
#include "output/staged_files.hpp"
#include "present/report.hpp"

namespace citfee {

// A run's outputs, made and not yet in place.
struct StagedRun {
  std::unique_ptr<StagedFile> report;
  std::unique_ptr<StagedFiles> letters;  // none without letters
  // Told on stderr once everything is in place.
  std::vector<std::string> warnings;
};

// The report alone, rendered and staged.
StagedRun stage_report_only(Report report, const ReportOptions& options,
                            std::vector<Report> more_sheets = {});

// Commits `books` (none: a run that records nothing), then puts the
// letters and the report in place.
void commit_run(StagedRun& run, Books* books);

// The failure `e` of an output put in place after the books' commit, told
// as such: the books keep the run's records, `what` is missing, and a re-run
// of the same command writes it.
Error after_commit_error(const Error& e, const std::string& books_path, std::string_view what);

}  // namespace citfee
