// citfee verify: are the books as citfee left them?
#include <memory>

#include <fmt/format.h>

#include "books/books.hpp"
#include "cli/books_run.hpp"
#include "cli/registry.hpp"
#include "core/error.hpp"
#include "output/atomic_file.hpp"
#include "output/messages.hpp"

namespace citfee::cli {

namespace {

void run_verify(const std::string& path) {
  books_or_fail(path, "verify");
  const BooksAudit audit = Books::open_for_reading(path).audit();
  Diagnostics diag;
  for (const std::string& n : audit.notes) diag.note({path}, n);
  for (const std::string& f : audit.findings) diag.error({path}, f);
  // Every finding on stderr, then exit 65; nothing on stdout then.
  report_diagnostics(diag);
  std::string text = fmt::format("books verified: {} bills, {} payments, {} reminders\n",
                                 audit.bills, audit.payments, audit.reminders);
  if (!audit.tail.empty()) {
    text += fmt::format("chain: {} links, the last {}\n", audit.links, audit.tail);
  }
  write_stdout(text);
}

}  // namespace

Action add_verify(CLI::App& app) {
  auto path = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand(
      "verify", "Check that the books are as citfee left them, and list every problem found");
  add_books_file_option(*cmd, *path);
  cmd->footer(R"(Checks that every trigger refusing changes is there and citfee's; that the numbers
of each series and year run from 1 without a gap or a number given twice; that
each bill's total is the sum of its lines; that each payment's import, each
bill's run and the bill of each payment and reminder are recorded; and the chain
of hashes over the bills, their lines, the payments and the reminders: a row
changed or deleted by hand breaks it. Nothing is written.

Exit status 0, with "books verified: N bills, M payments, K reminders" and the
chain's last hash on standard output (note it down: rows deleted from the end
of the books can be told only against it); 65 with every problem found on
standard error; 66 when there are no books.

Examples:
  citfee verify --books registro.db
  CITFEE_BOOKS=registro.db citfee verify)");
  return [path] { run_verify(*path); };
}

}  // namespace citfee::cli
