#include "cli/books_run.hpp"

#include <fmt/format.h>

#include "core/error.hpp"
#include "input/read_file.hpp"
#include "output/messages.hpp"

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

}  // namespace citfee::cli
