// citfee journal: the books as an hledger journal.
#include <memory>
#include <optional>

#include "books/books.hpp"
#include "cli/books_run.hpp"
#include "cli/registry.hpp"
#include "core/error.hpp"
#include "output/emit.hpp"
#include "present/journal.hpp"

namespace citfee::cli {

namespace {

struct JournalOptions {
  std::string books;
  int year = 0;
  std::string output;
};

void run_journal(const JournalOptions& o) {
  books_or_fail(o.books, "journal");
  const Books books = Books::open_for_reading(o.books);
  const std::optional<int> year = o.year ? std::optional<int>(o.year) : std::nullopt;
  write_text(hledger_journal(books.bills(), books.payments(), year), o.output);
}

}  // namespace

Action add_journal(CLI::App& app) {
  auto o = std::make_shared<JournalOptions>();
  CLI::App* cmd = app.add_subcommand("journal", "Write the books as an hledger journal");
  add_books_file_option(*cmd, o->books);
  cmd->add_option("--year", o->year,
                  "Only what is dated in the year, after the opening balances of the years before")
      ->check(CLI::Range(1900, 9999));
  cmd->add_option("-o,--output", o->output, "Write to FILE (written whole, or not at all)");
  cmd->footer(R"(A transaction per bill issued (crediti:enti:<id> against ricavi:quote_annuali or
ricavi:quote_variabili:<service>), per payment matched (banca against crediti:enti:<id>)
and per payment unmatched (banca against sospesi), the bill's reference as the code;
then a balance assertion on each entity's account.

Examples:
  citfee journal --books registro.db -o registro.journal && hledger -f registro.journal check
  hledger -f registro.journal balance crediti)");
  return [o] { run_journal(*o); };
}

}  // namespace citfee::cli
