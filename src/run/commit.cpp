#include "run/commit.hpp"

#include <fmt/format.h>

#include "output/interruption.hpp"
#include "output/messages.hpp"

namespace citfee {

StagedRun stage_report_only(Report report, const ReportOptions& options,
                            std::vector<Report> more_sheets) {
  StagedRun run;
  run.report = stage_report(render_report(std::move(report), options, std::move(more_sheets)));
  return run;
}

Error after_commit_error(const Error& e, const std::string& books_path, std::string_view what) {
  return Error(e.failure(),
               fmt::format("{}\nthe books {} were committed before this failure and keep what "
                           "the run recorded, but {} could not be written: run the same command "
                           "again to write them (nothing is recorded twice)",
                           e.what(), books_path, what));
}

void commit_run(StagedRun& run, Books* books) {
  check_interrupted();  // the last point where the run can still be taken back
  if (books) {
    books->commit();
    // From now on the folder stays, for a re-run to find what it lacks.
    if (run.letters) run.letters->keep_directory();
  }
  bool letters_placed = false;
  try {
    if (run.letters) run.letters->commit();
    letters_placed = true;
    if (run.report) run.report->place();
  } catch (const Error& e) {
    // Before the books' commit the staged letters go back as they were.
    if (!books) throw;
    // The books are committed: the letters in place stay, they are theirs.
    if (run.letters && letters_placed) run.letters->finish();
    throw after_commit_error(e, books->path(),
                             letters_placed ? "the report" : "the letters and the report");
  }
  if (run.letters) run.letters->finish();
  for (const std::string& w : run.warnings) warn(w);
}

}  // namespace citfee
