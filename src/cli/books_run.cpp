#include "cli/books_run.hpp"

#include <fmt/format.h>

#include "cli/emit.hpp"
#include "cli/messages.hpp"
#include "core/error.hpp"
#include "input/file_digest.hpp"
#include "input/read_file.hpp"
#include "output/interruption.hpp"

namespace citfee::cli {

void add_books_options(CLI::App& cmd, BooksOptions& o, bool issuing) {
  cmd.add_option("--books", o.path,
                 "The books (an SQLite file) of the bills issued; default: $CITFEE_BOOKS")
      ->envname("CITFEE_BOOKS")
      ->type_name("FILE");
  if (issuing) {
    cmd.add_flag("--issue", o.issue,
                 "Issue the bills in the books (made if missing): numbered, and never changed "
                 "again; a member that has its bill is left as it is");
  }
}

void add_books_file_option(CLI::App& cmd, std::string& path) {
  cmd.add_option("--books", path, "The books (an SQLite file); default: $CITFEE_BOOKS")
      ->envname("CITFEE_BOOKS")
      ->type_name("FILE");
}

const std::string& books_or_fail(const std::string& path, std::string_view command) {
  if (path.empty()) {
    throw Error(Failure::kBadUsage,
                fmt::format("{}: give the books with --books FILE or CITFEE_BOOKS", command));
  }
  if (path == "-") throw Error(Failure::kBadUsage, "--books: give a file, not standard input");
  return path;
}

BooksRun::BooksRun(const BooksOptions& o) : issuing_(o.issue) {
  if (o.path.empty()) {
    if (o.issue) {
      throw Error(Failure::kBadUsage,
                  "--issue needs the books: give --books FILE or set CITFEE_BOOKS");
    }
    return;
  }
  if (o.path == "-") throw Error(Failure::kBadUsage, "--books: give a file, not standard input");
  books_.emplace(o.issue ? Books::open_for_issuing(o.path) : Books::open_for_reading(o.path));
  bills_ = books_->bills();
  for (const IssuedBill& b : bills_) by_entity_[b.entity_id].push_back(b);
}

const std::vector<IssuedBill>& BooksRun::of_entity(const std::string& entity_id) const {
  static const std::vector<IssuedBill> none;
  const auto it = by_entity_.find(entity_id);
  return it == by_entity_.end() ? none : it->second;
}

void BooksRun::issue(std::vector<IssuedBill>& bills, const std::vector<std::string>& inputs,
                     const std::string& command) {
  std::vector<InputRecord> records;
  for (const std::string& path : inputs) records.push_back({display_name(path), file_sha256(path)});
  books_->issue(bills, records, command);
}

void BooksRun::commit() {
  if (books_ && issuing_) books_->commit();
}

Error after_commit_error(const Error& e, const std::string& books_path, std::string_view what) {
  return Error(e.failure(),
               fmt::format("{}\nthe books {} were committed before this failure and keep what "
                           "the run recorded, but {} could not be written: run the same command "
                           "again to write them (nothing is recorded twice)",
                           e.what(), books_path, what));
}

void commit_then_emit(Books& books, Report report, const CommonOptions& common) {
  const std::unique_ptr<StagedFile> output = stage_report(render_report(std::move(report), common));
  check_interrupted();  // the last point where the run can still be taken back
  books.commit();
  try {
    output->place();
  } catch (const Error& e) {
    throw after_commit_error(e, books.path(), "the report");
  }
}

BillMark issued_mark(const IssuedBill& bill) {
  return {bill.number, bill.is_credit() ? "credit" : "issued", bill.date};
}

void tell_issued(const std::map<std::string, BillMark>& marks, const std::string& books,
                 bool copies) {
  std::size_t issued = 0, already = 0;
  for (const auto& [id, mark] : marks) {
    if (mark.status == "already_issued") ++already;
    if (mark.status == "issued" || mark.status == "credit" || mark.status == "corrected") ++issued;
  }
  if (already && copies) {
    note(
        fmt::format("{} bill(s) already issued in {}: their letters are copies from the books, "
                    "not a recomputation",
                    already, books));
  } else if (already) {
    note(fmt::format("{} bill(s) already issued in {}: shown as issued, not issued again", already,
                     books));
  }
  if (issued) note(fmt::format("{} bill(s) issued in {}", issued, books));
}

}  // namespace citfee::cli
