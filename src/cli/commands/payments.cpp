// citfee payments: import the payments received, match them to the bills
// of the books, and settle by hand those that match none.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <optional>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "books/books.hpp"
#include "cli/books_run.hpp"
#include "cli/options.hpp"
#include "cli/registry.hpp"
#include "core/error.hpp"
#include "input/file_digest.hpp"
#include "input/payments.hpp"
#include "input/read_file.hpp"
#include "output/emit.hpp"
#include "output/messages.hpp"
#include "present/payments_rows.hpp"
#include "run/commit.hpp"

namespace citfee::cli {

namespace {

struct PaymentsOptions {
  CommonOptions common;
  std::string books;
  std::vector<std::string> files;
  std::vector<std::string> assign;  // PAYMENT BILL
  std::string unassign;
  bool unmatched = false;
};

// How far the import of a large file is, on standard error when it is a
// terminal (never in a log or a pipe): a count redrawn at most a few
// times a second, and wiped at the end.
class Progress {
 public:
  Progress(const std::string& file, std::size_t total)
      : file_(file), total_(total), shown_(total >= 10000 && isatty(STDERR_FILENO)) {
    // The name as typed, but for control characters, which would move the
    // cursor of the terminal the count is drawn on.
    for (char& c : file_) {
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = '?';
    }
  }
  void step() {
    if (!shown_ || (++done_ & 1023) != 0) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    std::fprintf(stderr, "\rcitfee: %s: %zu of %zu payments", file_.c_str(), done_, total_);
    std::fflush(stderr);
    drawn_ = true;
  }
  void done() {
    if (drawn_) std::fputs("\r\033[K", stderr);
    drawn_ = false;
  }

 private:
  std::string file_;
  std::size_t total_;
  bool shown_;
  std::size_t done_ = 0;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_{};
};

// What one run has imported so far, to tell duplicates within it too.
struct Import {
  // In the books before, then those recorded by this run (from in_books on).
  std::vector<Payment> known;
  std::set<std::string> digests;
  std::size_t in_books = 0;  // how many of `known` were in the books before the run
  // The known payments by bank id, and those without one by what makes two
  // transfers look alike: found at once, however many the books hold.
  std::unordered_map<std::string, std::size_t> by_bank_id;
  std::unordered_map<std::string, std::size_t> alike;
};

// Day, amount, payer and description: what looks_like_same compares.
std::string alike_key(const Payment& p) {
  return fmt::format("{}\x1f{}\x1f{}\x1f{}", p.date.iso(), p.amount.micros(), p.payer,
                     p.description);
}

// Files read before the current one: their payments without bank id become
// what a later file's may look like.
void index_known(Import& run, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to; ++i) {
    const Payment& k = run.known[i];
    if (!k.bank_id.empty()) {
      run.by_bank_id.try_emplace(k.bank_id, i);
    } else {
      run.alike.try_emplace(alike_key(k), i);
    }
  }
}

// Where a payment with a known bank id is: its index in `run.known`, or
// none. One without bank id like a payment of another file may be the same
// transfer twice: imported, and warned about.
std::optional<std::size_t> known_index(const Payment& p, const Import& run) {
  if (!p.bank_id.empty()) {
    const auto it = run.by_bank_id.find(p.bank_id);
    if (it == run.by_bank_id.end()) return std::nullopt;
    return it->second;
  }
  const auto it = run.alike.find(alike_key(p));
  if (it != run.alike.end()) {
    const Payment& k = run.known[it->second];
    warn(fmt::format(
        "{}:{}: {} EUR of {} on {} looks like {} (from {}): imported, check it "
        "is not the same transfer twice",
        p.file, p.line, p.amount.to_fixed(2),
        p.payer.empty() ? "\"" + p.description + "\"" : p.payer, p.date.iso(), k.id, k.file));
  }
  return std::nullopt;
}

void tell_left_out(const PaymentsFile& read, int in_books, int earlier, const std::string& file) {
  if (read.outgoing)
    note(fmt::format("{}: {} outgoing or zero amount(s) ignored", file, read.outgoing));
  if (read.not_booked)
    note(fmt::format("{}: {} entr(ies) not booked yet ignored", file, read.not_booked));
  if (read.repeated)
    note(fmt::format("{}: {} transaction(s) written twice in the file: kept once", file,
                     read.repeated));
  if (in_books)
    note(fmt::format("{}: {} payment(s) already in the books (same bank id): not added again", file,
                     in_books));
  if (earlier)
    note(
        fmt::format("{}: {} payment(s) with the bank id of one in a file before it: not added "
                    "again",
                    file, earlier));
}

// A payments file as read, before the books are opened: a file with a
// problem stops the run before the books are touched, or made.
struct ReadFile {
  std::string name;
  std::string digest;
  PaymentsFile payments;
};

std::vector<ReadFile> read_files(const std::vector<std::string>& paths) {
  std::vector<ReadFile> out;
  Diagnostics diag;
  for (const std::string& path : paths) {
    std::string bytes = read_input(path);
    const std::string name = display_name(path);
    const std::string digest = bytes_sha256(bytes);
    out.push_back({name, digest, read_payments(std::move(bytes), name, diag)});
  }
  // A booking date more than a year ahead is a mistyped year, or a file
  // that is not a statement: the payment would stay out of every balance
  // until then.
  const Date limit = add_days(today(), 366);
  for (const ReadFile& f : out) {
    for (const Payment& p : f.payments.payments) {
      if (limit < p.date)
        diag.error({p.file, p.line, 0},
                   fmt::format("a payment dated {}, more than a year after today ({})",
                               p.date.iso(), today().iso()));
    }
  }
  report_diagnostics(diag);
  return out;
}

void import_file(ReadFile& file, Books& books, const BillMatcher& bills, Import& run) {
  const std::string& name = file.name;
  const std::string& digest = file.digest;
  if (const std::string before = books.imported_as(digest); !before.empty()) {
    note(fmt::format("{}: already imported (as {}): nothing added", name, before));
    return;
  }
  if (!run.digests.insert(digest).second) {
    note(fmt::format("{}: the same content as a file before it: nothing added", name));
    return;
  }
  PaymentsFile& read = file.payments;
  std::vector<Payment> fresh;
  int in_books = 0;
  int earlier = 0;
  PaidByBill paid = paid_by_bill(run.known);
  const std::size_t this_file = run.known.size();
  Progress progress(name, read.payments.size());
  for (Payment& p : read.payments) {
    progress.step();
    if (const auto k = known_index(p, run)) {
      ++(*k < run.in_books ? in_books : earlier);
      continue;
    }
    const MatchFound found = bills.match(p, paid);
    if (found.bill) {
      p.bill = found.bill->number;
      p.match = found.how;
      paid[p.bill] += p.amount;
    }
    if (!p.bank_id.empty()) run.by_bank_id.try_emplace(p.bank_id, this_file + fresh.size());
    fresh.push_back(std::move(p));
  }
  read.payments.clear();
  progress.done();
  tell_left_out(read, in_books, earlier, name);
  books.import_payments({name, digest}, fresh);
  // Moved, not copied: a large export is held once.
  run.known.insert(run.known.end(), std::make_move_iterator(fresh.begin()),
                   std::make_move_iterator(fresh.end()));
  index_known(run, this_file, run.known.size());
}

void tell_imported(const std::vector<Payment>& added, const std::string& books) {
  std::size_t matched = 0;
  Money unmatched;
  for (const Payment& p : added) {
    if (p.bill.empty()) {
      unmatched += p.amount;
    } else {
      ++matched;
    }
  }
  note(
      fmt::format("{} payment(s) recorded in {}: {} matched to a bill, {} unmatched ({} EUR), "
                  "kept as sospesi: settle them with --assign",
                  added.size(), books, matched, added.size() - matched, unmatched.to_fixed(2)));
}

const Payment& find_payment(const std::vector<Payment>& payments, const std::string& id) {
  for (const Payment& p : payments) {
    if (p.id == id) return p;
  }
  throw Error(Failure::kBadUsage, fmt::format("no payment {} in the books: `citfee payments "
                                              "--books FILE` lists them",
                                              id));
}

void run_match(const PaymentsOptions& o) {
  Books books = Books::open_for_writing(o.books);
  const std::vector<IssuedBill> bills = books.bills();
  std::vector<Payment> payments = books.payments();
  const std::string id = o.unassign.empty() ? o.assign.at(0) : o.unassign;
  Payment p = find_payment(payments, id);
  if (o.unassign.empty()) {
    const IssuedBill* bill = find_bill(o.assign.at(1), bills);
    if (!bill) {
      throw Error(Failure::kBadUsage,
                  fmt::format("no bill {} in the books: give a number (QA-2027/0012) or a "
                              "reference (CIT-QA-2027-017002)",
                              o.assign.at(1)));
    }
    if (!p.bill.empty() && p.bill != bill->number) {
      throw Error(Failure::kBadUsage,
                  fmt::format("{} already pays {}: --unassign it first", p.id, p.bill));
    }
    p.bill = bill->number;
    p.match = Match::kHand;
  } else {
    p.bill.clear();
    p.match = Match::kNone;
  }
  books.set_match(p.id, p.bill, p.match);
  StagedRun run = stage_report_only(payments_report({p}, bills), o.common);
  commit_run(run, &books);
}

void run_payments(const PaymentsOptions& o) {
  output_format(o.common);
  books_or_fail(o.books, "payments");
  if (!o.assign.empty() || !o.unassign.empty()) return run_match(o);
  if (o.files.empty()) {
    const Books books = Books::open_for_reading(o.books);
    std::vector<Payment> shown = books.payments();
    if (o.unmatched) std::erase_if(shown, [](const Payment& p) { return !p.bill.empty(); });
    return emit(payments_report(shown, books.bills()), o.common);
  }
  // A file given twice, or a copy, adds nothing (told below): not an error here.
  if (std::count(o.files.begin(), o.files.end(), "-") > 1)
    throw Error(Failure::kBadUsage, "standard input (-) can be read only once");
  std::vector<ReadFile> files = read_files(o.files);
  Books books = Books::open_for_writing(o.books);
  const std::vector<IssuedBill> bills = books.bills();
  Import run;
  run.known = books.payments();
  run.in_books = run.known.size();
  index_known(run, 0, run.known.size());
  const BillMatcher matcher(bills);
  for (ReadFile& file : files) import_file(file, books, matcher, run);
  // What this run recorded: the payments of the books before it are done with.
  std::vector<Payment> added = std::move(run.known);
  added.erase(added.begin(), added.begin() + static_cast<std::ptrdiff_t>(run.in_books));
  StagedRun staged = stage_report_only(payments_report(added, bills), o.common);
  commit_run(staged, &books);
  if (!added.empty()) tell_imported(added, o.books);
}

}  // namespace

Action add_payments(CLI::App& app) {
  auto o = std::make_shared<PaymentsOptions>();
  CLI::App* cmd = app.add_subcommand(
      "payments", "Import the payments received and match them to the bills of the books");
  cmd->add_option("files", o->files,
                  "Payments files: a bank's or treasury's CSV, or a camt.053 statement");
  add_books_file_option(*cmd, o->books);
  auto* assign = cmd->add_option("--assign", o->assign,
                                 "Settle a payment by hand: PAYMENT BILL (a number or reference)")
                     ->expected(2)
                     ->type_name("PAYMENT BILL");
  auto* unassign =
      cmd->add_option("--unassign", o->unassign, "Undo the match of a payment (P-000123)")
          ->type_name("PAYMENT");
  auto* unmatched = cmd->add_flag("--unmatched", o->unmatched,
                                  "List only the payments that match no bill (the sospesi)");
  unmatched->excludes("files");
  assign->excludes(unmatched);
  unassign->excludes(unmatched);
  assign->excludes(unassign);
  assign->excludes("files");
  unassign->excludes("files");
  add_output_options(*cmd, o->common);
  cmd->footer(R"(Each payment is matched, in this order, by a citfee reference (CIT-QA-2027-017002)
or a bill number (QA-2027/0012) in its description; else by the payer's tax code with
an open bill of exactly its amount; else it is kept unmatched, as a sospeso. A file
already imported (whatever its name), or a row whose bank id is in the books, adds
nothing; a bank id written twice in one file is kept once when its amount and date
agree, else the file is refused. Without files it lists every payment in the books.
Columns: payment,date,amount,payer,tax_code,description,bill,reference,id,name,match.

Examples:
  citfee payments --books registro.db tesoreria-marzo.csv
  citfee payments --books registro.db estratto-conto.xml
  citfee payments --books registro.db --unmatched
  citfee payments --books registro.db --assign P-000012 QA-2027/0034
  citfee payments --books registro.db --unassign P-000012
  citfee payments --books registro.db -o pagamenti.xlsx)");
  return [o] { run_payments(*o); };
}

}  // namespace citfee::cli
