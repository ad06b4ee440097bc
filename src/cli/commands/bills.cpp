// citfee bills: the bills issued in the books.
#include <memory>

#include "cli/books_run.hpp"
#include "cli/options.hpp"
#include "cli/registry.hpp"
#include "core/error.hpp"
#include "output/emit.hpp"
#include "present/bills_rows.hpp"

namespace citfee::cli {

namespace {

struct BillsOptions {
  CommonOptions common;
  BooksOptions books;
  int year = 0;
  std::string period;
  std::string entity;
};

// --year Y: the annual bills of Y and the semester bills of its two halves.
bool wanted(const IssuedBill& b, const BillsOptions& o) {
  if (!o.entity.empty() && b.entity_id != o.entity) return false;
  if (!o.period.empty() && !(b.kind == BillKind::kSemester && b.period == o.period)) return false;
  if (o.year && b.year() != o.year) return false;
  return true;
}

void run_bills(const BillsOptions& o) {
  output_format(o.common);
  if (o.books.path.empty()) {
    throw Error(Failure::kBadUsage, "bills: give the books with --books FILE or CITFEE_BOOKS");
  }
  BillsOptions chosen = o;
  if (!o.period.empty()) chosen.period = period_option(o.period).str();
  const BooksRun books(o.books);
  std::vector<IssuedBill> shown;
  for (const IssuedBill& b : books.all()) {
    if (wanted(b, chosen)) shown.push_back(b);
  }
  emit(bills_report(shown), o.common);
}

}  // namespace

Action add_bills(CLI::App& app) {
  auto o = std::make_shared<BillsOptions>();
  CLI::App* cmd = app.add_subcommand("bills", "List the bills issued in the books");
  add_books_options(*cmd, o->books, false);
  cmd->add_option("--year", o->year,
                  "Only the annual bills of the year and the semester bills of its two halves")
      ->check(CLI::Range(1900, 9999));
  cmd->add_option("--period", o->period, "Only the semester bills of the period (2026-H1)")
      ->excludes("--year");
  cmd->add_option("--entity", o->entity, "Only the bills of the entity with this id");
  add_output_options(*cmd, o->common);
  cmd->footer(R"(Columns: number,reference,kind,period,id,name,date,due_date,amount,status; kind is
annual, annual_correction or semester; status is issued, or credit for a negative bill.

Examples:
  citfee bills --books registro.db
  citfee bills --books registro.db --year 2027 -o documenti-2027.xlsx
  citfee bills --books registro.db --period 2026-H1 --entity 017002)");
  return [o] { run_bills(*o); };
}

}  // namespace citfee::cli
