// citfee remind: a reminder (sollecito) for every bill overdue too long.
#include <memory>

#include <fmt/format.h>

#include "books/books.hpp"
#include "cli/books_run.hpp"
#include "cli/options.hpp"
#include "cli/registry.hpp"
#include "cli/statements.hpp"
#include "core/balance.hpp"
#include "core/error.hpp"
#include "output/emit.hpp"
#include "output/messages.hpp"
#include "present/payments_rows.hpp"
#include "present/statement_reminder.hpp"
#include "run/commit.hpp"

namespace citfee::cli {

namespace {

struct RemindOptions {
  CommonOptions common;
  StatementOptions statements;
  std::string books;
  std::string as_of;
  int after = 30;
};

void run_remind(const RemindOptions& o) {
  output_format(o.common);
  books_or_fail(o.books, "remind");
  const StatementWriter writer(o.statements);
  const StatementSettings& settings = writer.settings();
  const Date as_of = date_option(o.as_of, "--as-of", settings.date);
  Books books = Books::open_for_writing(o.books);
  const std::vector<IssuedBill> bills = books.bills();
  const std::vector<Payment> payments = books.payments();
  const std::vector<Reminder> sent = books.reminders();
  const std::vector<BillBalance> balances = bill_balances(bills, payments, sent, as_of);
  const Date new_due = add_days(settings.date, settings.issuer.days_to_pay);
  const std::vector<ReminderDue> due =
      reminders_due(balances, sent, o.after, settings.date, new_due);
  std::vector<Statement> letters;
  std::size_t recorded = 0;
  for (const ReminderDue& d : due) {
    letters.push_back(
        reminder_statement(*d.balance, d.reminder.count, d.reminder.new_due, settings));
    // A draft is a preview: it is sent to no one, and recorded nowhere.
    if (!d.already_sent && !settings.draft) {
      books.record_reminder(d.reminder);
      ++recorded;
    }
  }
  if (due.empty()) {
    note(fmt::format("no bill is overdue by more than {} day(s) at {}: no reminder written",
                     o.after, as_of.iso()));
  }
  StagedRun run = writer.stage_reminders(reminders_report(due), o.common, letters);
  commit_run(run, &books);
  if (recorded) note(fmt::format("{} reminder(s) recorded in {}", recorded, o.books));
}

}  // namespace

Action add_remind(CLI::App& app) {
  auto o = std::make_shared<RemindOptions>();
  CLI::App* cmd = app.add_subcommand(
      "remind", "Write a reminder (sollecito) for every bill overdue, and record it in the books");
  add_books_file_option(*cmd, o->books);
  cmd->add_option("--as-of", o->as_of,
                  "Count the payments dated on or before DATE (default: the letters' date)")
      ->type_name("DATE");
  cmd->add_option("--after", o->after, "Remind the bills overdue by more than DAYS (default: 30)")
      ->check(CLI::Range(0, 3650))
      ->type_name("DAYS");
  add_statement_options(*cmd, o->statements, false);
  cmd->get_option("--statements")->required();
  add_output_options(*cmd, o->common);
  cmd->footer(R"(A letter <reference>-S<n>.pdf per bill (n: the bill's reminder count), the bundle
solleciti-<DATE>.pdf and invio.csv in the statements folder. Each letter gives the bill's
reference and number, the amount billed, the payments received, what is still due, the
original due date and a new one (days_to_pay of the issuer, 30 by default, after the
letter's date). A second run on the same day writes the same letters and records nothing;
nor does a run with --draft.
Columns: bill,reference,id,name,due_date,outstanding,reminder,date,new_due_date,status.

Examples:
  citfee remind --books registro.db --statements solleciti --iban IT60X0542811101000000123456
  citfee remind --books registro.db --after 60 --statements solleciti --date 2027-06-15 --draft)");
  return [o] { run_remind(*o); };
}

}  // namespace citfee::cli
