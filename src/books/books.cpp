#include "books/books.hpp"

#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <ctime>
#include <optional>

#include <fmt/format.h>

#include "books/chain.hpp"
#include "books/query.hpp"
#include "books/schema.hpp"
#include "core/error.hpp"

namespace citfee {

namespace {

enum class Found { kNothing, kDirectory, kFile };

Found what_is(const std::string& path, off_t* size = nullptr) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return Found::kNothing;
  if (S_ISDIR(st.st_mode)) return Found::kDirectory;
  if (size) *size = st.st_size;
  return Found::kFile;
}

[[noreturn]] void no_books(const std::string& path) {
  throw Error(Failure::kNoInput,
              fmt::format("{}: no books there (the first run with --issue makes them)", path));
}

[[noreturn]] void directory(const std::string& path) {
  throw Error(Failure::kNoInput,
              fmt::format("{}: is a directory, not a books file: give the file of the books "
                          "(registro.db)",
                          path));
}

void exec(const Connection& conn, std::string_view sql) {
  char* message = nullptr;
  const int rc = sqlite3_exec(conn.db(), std::string(sql).c_str(), nullptr, nullptr, &message);
  const std::string text = message ? message : sqlite3_errstr(rc);
  sqlite3_free(message);
  if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) books_query::busy(conn.path());
  if (rc == SQLITE_READONLY) books_query::readonly(conn.path());
  if (rc == SQLITE_NOTADB) {
    throw Error(Failure::kBadData, fmt::format("{}: not a books file (not SQLite)", conn.path()));
  }
  if (rc != SQLITE_OK) throw Error(Failure::kCannotWrite, fmt::format("{}: {}", conn.path(), text));
}

int user_version(const Connection& conn) {
  books_query::Query q(conn, "PRAGMA user_version");
  q.step();
  return static_cast<int>(q.integer(0));
}

enum class Mode { kReading, kWriting, kIssuing };

// The schema of a newer citfee is not guessed at; an older one is updated
// when writing, and read as it is (its later tables taken as empty). A file
// without a version is either empty, left by a first run stopped before it
// committed (only an issuing run takes it over), or another application's:
// that one is never touched.
// `fresh` is set when an issuing run takes a file without a schema.
int check_version(const Connection& conn, Mode mode, bool* fresh = nullptr) {
  const std::string& path = conn.path();
  const int version = user_version(conn);
  const int known = static_cast<int>(books_schema::migrations().size());
  if (version > known) {
    throw Error(Failure::kBadData,
                fmt::format("{}: books of schema version {}, written by a newer citfee (this one "
                            "knows up to {})",
                            path, version, known));
  }
  if (version > 0) {
    // Another application may number its own schema too: citfee's has bills.
    books_query::Query q(conn,
                         "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = "
                         "'bill'");
    q.step();
    if (q.integer(0) == 0) {
      throw Error(Failure::kBadData,
                  fmt::format("{}: not citfee's books (no table of bills): an SQLite file of "
                              "another application, left as it is",
                              path));
    }
  }
  if (version == 0) {
    books_query::Query q(conn, "SELECT COUNT(*) FROM sqlite_master");
    q.step();
    if (q.integer(0) > 0) {
      throw Error(Failure::kBadData,
                  fmt::format("{}: not citfee's books (no schema): an SQLite file of another "
                              "application, left as it is",
                              path));
    }
    if (mode != Mode::kIssuing) {
      throw Error(Failure::kNoInput,
                  fmt::format("books at {} were never completed: no bill was ever committed; "
                              "remove the file or issue again (--issue)",
                              path));
    }
    if (fresh) *fresh = true;
  }
  if (mode == Mode::kReading) return version;
  for (int v = version; v < known; ++v) {
    exec(conn, books_schema::migrations()[static_cast<std::size_t>(v)]);
    if (v + 1 == books_chain::kVersion) books_chain::link_existing(conn);
    exec(conn, fmt::format("PRAGMA user_version = {}", v + 1));
  }
  return known;
}

Connection open_db(const std::string& path, int flags) {
  const int timeout = books_query::busy_timeout_ms();
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    const std::string text = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close(db);
    throw Error(Failure::kCannotWrite, fmt::format("{}: cannot open the books: {}", path, text));
  }
  sqlite3_busy_timeout(db, timeout);
  sqlite3_extended_result_codes(db, 0);
  return Connection(db, path);
}

std::string now_iso() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace

Books::Books(Connection conn, bool writing) : conn_(std::move(conn)), in_transaction_(writing) {}

Books::Books(Books&& other) noexcept
    : conn_(std::move(other.conn_)),
      in_transaction_(other.in_transaction_),
      version_(other.version_),
      tail_(std::move(other.tail_)),
      remove_if_empty_(other.remove_if_empty_) {
  other.remove_if_empty_ = false;
}

Books::~Books() {
  if (!conn_.db()) return;
  // Books this run made, or took over empty, and never committed to are
  // taken back: an empty file would later be neither books nor nothing. The
  // file goes while this run still holds the write lock, so no other run can
  // have written to it.
  if (remove_if_empty_) ::unlink(conn_.path().c_str());
  if (in_transaction_) sqlite3_exec(conn_.db(), "ROLLBACK", nullptr, nullptr, nullptr);
  // conn_ closes the handle after this.
}

Books Books::open_for_reading(const std::string& path) {
  const Found found = what_is(path);
  if (found == Found::kNothing) no_books(path);
  if (found == Found::kDirectory) directory(path);
  // Read-write, though it only reads: SQLite then takes back what a run
  // stopped while writing left half-done (its -journal), which it cannot do
  // read-only. query_only keeps the run from writing anything else.
  Books books(open_db(path, SQLITE_OPEN_READWRITE), false);
  exec(books.conn_, "PRAGMA query_only = ON");
  books.version_ = check_version(books.conn_, Mode::kReading);
  return books;
}

Books Books::open_for_writing(const std::string& path) {
  return open_writer(path, false);
}

Books Books::open_for_issuing(const std::string& path) {
  return open_writer(path, true);
}

Books Books::open_writer(const std::string& path, bool issuing) {
  off_t size = 0;
  const Found found = what_is(path, &size);
  if (found == Found::kDirectory) directory(path);
  if (found == Found::kNothing && !issuing) no_books(path);
  const int flags = SQLITE_OPEN_READWRITE | (issuing ? SQLITE_OPEN_CREATE : 0);
  Books books(open_db(path, flags), false);
  exec(books.conn_, "PRAGMA foreign_keys = ON");
  // IMMEDIATE takes the write lock now: numbers are read and given under it.
  exec(books.conn_, "BEGIN IMMEDIATE");
  books.in_transaction_ = true;
  // A file empty when looked at, and still without a schema now that the
  // lock is held, has had nothing committed to it by any run: it is this
  // run's to take back, from the first step of its schema on.
  const bool was_empty = found == Found::kNothing || size == 0;
  books.version_ = check_version(books.conn_, issuing ? Mode::kIssuing : Mode::kWriting,
                                 was_empty ? &books.remove_if_empty_ : nullptr);
  // Nothing is added to books changed behind citfee's back.
  books.tail_ = books_chain::checked_tail(books.conn_);
  return books;
}

bool Books::has_chain() const {
  return version_ >= books_chain::kVersion;
}

void Books::link(std::string_view source, const std::string& ref, std::int64_t position) {
  if (has_chain()) tail_ = books_chain::append(conn_, tail_, source, ref, position);
}

std::vector<IssuedBill> Books::bills() const {
  return books_query::all_bills(conn_);
}

void Books::issue(std::vector<IssuedBill>& bills, const std::vector<InputRecord>& inputs,
                  std::string_view command) {
  if (bills.empty()) return;
  const std::int64_t run = books_query::insert_run(conn_, command, now_iso(), inputs);
  for (IssuedBill& bill : bills) {
    const Series series = series_of(bill.kind, bill.year());
    const int sequence = books_query::last_sequence(conn_, series) + 1;
    bill.number = bill_number(series, sequence);
    books_query::insert_bill(conn_, bill, series, sequence, run);
    link("bill", bill.number, 0);
    for (std::size_t i = 0; i < bill.lines.size(); ++i)
      link("bill_line", bill.number, static_cast<std::int64_t>(i + 1));
  }
}

std::vector<Payment> Books::payments() const {
  if (!has_payments()) return {};
  return books_query::all_payments(conn_);
}

std::vector<Reminder> Books::reminders() const {
  if (!has_payments()) return {};
  return books_query::all_reminders(conn_);
}

std::string Books::imported_as(const std::string& sha256) const {
  if (!has_payments()) return {};
  return books_query::import_of_digest(conn_, sha256);
}

void Books::import_payments(const InputRecord& file, std::vector<Payment>& payments) {
  books_query::insert_payments(conn_, file, now_iso(), payments);
  if (has_chain()) tail_ = books_chain::append_import(conn_, tail_, file.sha256);
}

void Books::set_match(const std::string& payment_id, const std::string& bill, Match match) {
  // P-000123 → 123; the caller found the payment among payments().
  books_query::update_match(conn_, std::stoll(payment_id.substr(2)), bill, match);
}

void Books::record_reminder(const Reminder& reminder) {
  books_query::insert_reminder(conn_, reminder);
  link("reminder", reminder.bill, reminder.count);
}

void Books::commit() {
  exec(conn_, "COMMIT");
  in_transaction_ = false;
  remove_if_empty_ = false;
}

}  // namespace citfee
