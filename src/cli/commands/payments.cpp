// citfee payments: import the payments received, match them to the bills
// of the books, and settle by hand those that match none.
#include <algorithm>
#include <memory>
#include <set>

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

// What one run has imported so far, to tell duplicates within it too.
struct Import {
  std::vector<Payment> known;  // in the books before, and recorded by this run
  std::vector<Payment> added;  // recorded by this run
  std::set<std::string> digests;
};

// A payment with the bank id of one already known adds nothing; one without
// bank id like a payment of another file (one of those known before
// `this_file`, the index where the file's own begin) may be the same
// transfer twice.
bool is_known(const Payment& p, const Import& run, std::size_t this_file) {
  for (std::size_t i = 0; i < run.known.size(); ++i) {
    const Payment& k = run.known[i];
    if (!p.bank_id.empty() && k.bank_id == p.bank_id) return true;
    if (p.bank_id.empty() && k.bank_id.empty() && i < this_file && looks_like_same(p, k)) {
      warn(fmt::format(
          "{}:{}: {} EUR of {} on {} looks like {} (from {}): imported, check it "
          "is not the same transfer twice",
          p.file, p.line, p.amount.to_fixed(2),
          p.payer.empty() ? "\"" + p.description + "\"" : p.payer, p.date.iso(), k.id, k.file));
    }
  }
  return false;
}

void tell_left_out(const PaymentsFile& read, int known, const std::string& file) {
  if (read.outgoing)
    note(fmt::format("{}: {} outgoing or zero amount(s) ignored", file, read.outgoing));
  if (read.not_booked)
    note(fmt::format("{}: {} entr(ies) not booked yet ignored", file, read.not_booked));
  if (known)
    note(fmt::format("{}: {} payment(s) already in the books (same bank id): not added again", file,
                     known));
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
  report_diagnostics(diag);
  return out;
}

void import_file(ReadFile& file, Books& books, const std::vector<IssuedBill>& bills, Import& run) {
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
  int known = 0;
  PaidByBill paid = paid_by_bill(run.known);
  const std::size_t this_file = run.known.size();
  for (Payment& p : read.payments) {
    if (is_known(p, run, this_file)) {
      ++known;
      continue;
    }
    const MatchFound found = match_payment(p, bills, paid);
    if (found.bill) {
      p.bill = found.bill->number;
      p.match = found.how;
      paid[p.bill] += p.amount;
    }
    fresh.push_back(p);
    run.known.push_back(p);
  }
  tell_left_out(read, known, name);
  books.import_payments({name, digest}, fresh);
  // The ids given by the books, on the run's copies too.
  for (std::size_t i = 0; i < fresh.size(); ++i)
    run.known[run.known.size() - fresh.size() + i].id = fresh[i].id;
  run.added.insert(run.added.end(), fresh.begin(), fresh.end());
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
  for (ReadFile& file : files) import_file(file, books, bills, run);
  StagedRun staged = stage_report_only(payments_report(run.added, bills), o.common);
  commit_run(staged, &books);
  if (!run.added.empty()) tell_imported(run.added, o.books);
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
nothing. Without files it lists every payment in the books.
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
