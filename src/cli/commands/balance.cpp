// citfee balance: who has paid, who has not, at a date.
#include <memory>

#include <fmt/format.h>

#include "books/books.hpp"
#include "cli/books_run.hpp"
#include "cli/options.hpp"
#include "cli/registry.hpp"
#include "core/balance.hpp"
#include "core/error.hpp"
#include "output/emit.hpp"
#include "output/messages.hpp"
#include "present/payments_rows.hpp"

namespace citfee::cli {

namespace {

struct BalanceOptions {
  CommonOptions common;
  std::string books;
  std::string as_of;
  std::string by = "entity";
  bool overdue = false;
};

template <typename Row>
std::vector<Row> only_overdue(std::vector<Row> rows) {
  std::erase_if(rows, [](const Row& r) { return r.status != PaymentStatus::kOverdue; });
  return rows;
}

void tell_unmatched(const std::vector<Payment>& payments, Date as_of) {
  const std::vector<const Payment*> open = unmatched_payments(payments, as_of);
  if (open.empty()) return;
  Money sum;
  for (const Payment* p : open) sum += p->amount;
  note(
      fmt::format("{} payment(s) of {} EUR match no bill (sospesi) and are not in these figures: "
                  "`citfee payments --assign` settles them",
                  open.size(), sum.to_fixed(2)));
}

void run_balance(const BalanceOptions& o) {
  output_format(o.common);
  books_or_fail(o.books, "balance");
  const Date as_of = date_option(o.as_of, "--as-of", today());
  const Books books = Books::open_for_reading(o.books);
  const std::vector<IssuedBill> bills = books.bills();
  const std::vector<Payment> payments = books.payments();
  std::vector<BillBalance> by_bill = bill_balances(bills, payments, books.reminders(), as_of);
  std::vector<EntityBalance> by_entity = entity_balances(by_bill);
  if (o.overdue) {
    by_bill = only_overdue(std::move(by_bill));
    by_entity = only_overdue(std::move(by_entity));
  }
  Report bill_view = bill_balance_report(by_bill, as_of);
  Report entity_view = entity_balance_report(by_entity, as_of);
  tell_unmatched(payments, as_of);
  if (o.by == "bill") return emit(std::move(bill_view), o.common, {std::move(entity_view)});
  emit(std::move(entity_view), o.common, {std::move(bill_view)});
}

}  // namespace

Action add_balance(CLI::App& app) {
  auto o = std::make_shared<BalanceOptions>();
  CLI::App* cmd =
      app.add_subcommand("balance", "Show what each entity or bill was billed, paid and owes");
  add_books_file_option(*cmd, o->books);
  cmd->add_option("--as-of", o->as_of,
                  "Count the bills and payments dated on or before DATE (default: today)")
      ->type_name("DATE");
  cmd->add_option("--by", o->by, "entity (default) or bill")
      ->check(CLI::IsMember({"entity", "bill"}));
  cmd->add_flag("--overdue", o->overdue, "Only what is overdue");
  add_output_options(*cmd, o->common);
  cmd->footer(
      R"(Status of a bill: paid (nothing outstanding), overdue (something outstanding after the
due date), partial (partly paid, not yet due), open (nothing paid, not yet due), credit
(a negative bill, or paid more than billed). An entity has the status of its worst bill.
A workbook holds both views.

Examples:
  citfee balance --books registro.db
  citfee balance --books registro.db --as-of 2027-04-30 --by bill --overdue
  citfee balance --books registro.db -o situazione.xlsx)");
  return [o] { run_balance(*o); };
}

}  // namespace citfee::cli
