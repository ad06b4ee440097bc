// --books and --issue: the bills a run finds in the books, and those it
// issues, kept until the run's output is written.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "books/books.hpp"
#include "cli/options.hpp"
#include "core/error.hpp"
#include "core/issued_bill.hpp"
#include "present/bill_marks.hpp"
#include "present/report.hpp"

namespace citfee::cli {

struct BooksOptions {
  std::string path;  // --books FILE, or CITFEE_BOOKS
  bool issue = false;
};

// --books (all commands that read them); with `issuing`, also --issue.
void add_books_options(CLI::App& cmd, BooksOptions& options, bool issuing);

// --books for the commands of payments (payments, balance, remind, journal),
// which need them; books_or_fail() stops such a command without.
void add_books_file_option(CLI::App& cmd, std::string& path);
const std::string& books_or_fail(const std::string& path, std::string_view command);

class BooksRun {
 public:
  // Opens the books named, for writing with --issue (holding them until the
  // run ends); without --books, a run without books.
  explicit BooksRun(const BooksOptions& options);

  bool active() const { return books_.has_value(); }
  bool issuing() const { return issuing_; }
  const std::string& path() const { return books_->path(); }

  // The bills issued to `entity_id` before this run.
  const std::vector<IssuedBill>& of_entity(const std::string& entity_id) const;
  const std::vector<IssuedBill>& all() const { return bills_; }

  // Numbers and records `bills`, with the digests of `inputs`; kept at commit().
  void issue(std::vector<IssuedBill>& bills, const std::vector<std::string>& inputs,
             const std::string& command);
  void commit();

 private:
  std::optional<Books> books_;
  bool issuing_ = false;
  std::vector<IssuedBill> bills_;
  std::map<std::string, std::vector<IssuedBill>> by_entity_;
};

// The failure `e` of an output written after the books' commit, told as
// such: the books keep the run's records, `what` is missing, and a re-run of
// the same command writes it.
Error after_commit_error(const Error& e, const std::string& books_path, std::string_view what);

// The books first, then the report: rendered before the commit, so that a
// failure leaves both as they were; written after it.
void commit_then_emit(Books& books, Report report, const CommonOptions& common);

// The mark of a bill this run issued: issued, or credit when negative.
BillMark issued_mark(const IssuedBill& bill);

// Tells on stderr how many bills the run issued and found already issued.
// With `copies`, the letters were made from the books: said too.
void tell_issued(const std::map<std::string, BillMark>& marks, const std::string& books,
                 bool copies);

}  // namespace citfee::cli
