#include "books/books.hpp"

#include <sqlite3.h>
#include <sys/stat.h>

#include <ctime>
#include <optional>

#include <fmt/format.h>

#include "books/query.hpp"
#include "books/schema.hpp"
#include "core/error.hpp"

namespace citfee {

namespace {

bool exists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0;
}

[[noreturn]] void busy(const std::string& path) {
  throw Error(Failure::kTempFail,
              fmt::format("{}: the books are in use by another run of citfee (waited 5 s); try "
                          "again when it has finished",
                          path));
}

void exec(sqlite3* db, const std::string& path, std::string_view sql) {
  char* message = nullptr;
  const int rc = sqlite3_exec(db, std::string(sql).c_str(), nullptr, nullptr, &message);
  const std::string text = message ? message : sqlite3_errstr(rc);
  sqlite3_free(message);
  if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) busy(path);
  if (rc == SQLITE_NOTADB) {
    throw Error(Failure::kBadData, fmt::format("{}: not a books file (not SQLite)", path));
  }
  if (rc != SQLITE_OK) throw Error(Failure::kCannotWrite, fmt::format("{}: {}", path, text));
}

int user_version(sqlite3* db, const std::string& path) {
  books_query::Query q(db, path, "PRAGMA user_version");
  q.step();
  return static_cast<int>(q.integer(0));
}

// The schema of a newer citfee is not guessed at; an older one is updated
// when writing, and read as it is (its later tables taken as empty).
int check_version(sqlite3* db, const std::string& path, bool writing) {
  const int version = user_version(db, path);
  const int known = static_cast<int>(books_schema::migrations().size());
  if (version > known) {
    throw Error(Failure::kBadData,
                fmt::format("{}: books of schema version {}, written by a newer citfee (this one "
                            "knows up to {})",
                            path, version, known));
  }
  if (version == 0 && !writing) {
    throw Error(Failure::kBadData, fmt::format("{}: not citfee's books (no schema)", path));
  }
  if (!writing) return version;
  for (int v = version; v < known; ++v) {
    exec(db, path, books_schema::migrations()[static_cast<std::size_t>(v)]);
    exec(db, path, fmt::format("PRAGMA user_version = {}", v + 1));
  }
  return known;
}

sqlite3* open_db(const std::string& path, int flags) {
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    const std::string text = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close(db);
    throw Error(Failure::kCannotWrite, fmt::format("{}: cannot open the books: {}", path, text));
  }
  sqlite3_busy_timeout(db, 5000);
  sqlite3_extended_result_codes(db, 0);
  return db;
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

Books::Books(sqlite3* db, std::string path, bool writing)
    : db_(db), path_(std::move(path)), in_transaction_(writing) {}

Books::Books(Books&& other) noexcept
    : db_(other.db_),
      path_(std::move(other.path_)),
      in_transaction_(other.in_transaction_),
      version_(other.version_) {
  other.db_ = nullptr;
}

Books::~Books() {
  if (!db_) return;
  if (in_transaction_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(db_);
}

Books Books::open_for_reading(const std::string& path) {
  if (!exists(path)) {
    throw Error(Failure::kNoInput,
                fmt::format("{}: no books there (the first run with --issue makes them)", path));
  }
  Books books(open_db(path, SQLITE_OPEN_READONLY), path, false);
  books.version_ = check_version(books.db_, path, false);
  return books;
}

Books Books::open_for_writing(const std::string& path) {
  Books books(open_db(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE), path, false);
  exec(books.db_, path, "PRAGMA foreign_keys = ON");
  // IMMEDIATE takes the write lock now: numbers are read and given under it.
  exec(books.db_, path, "BEGIN IMMEDIATE");
  books.in_transaction_ = true;
  books.version_ = check_version(books.db_, path, true);
  return books;
}

std::vector<IssuedBill> Books::bills() const {
  return books_query::all_bills(db_, path_);
}

void Books::issue(std::vector<IssuedBill>& bills, const std::vector<InputRecord>& inputs,
                  std::string_view command) {
  if (bills.empty()) return;
  const std::int64_t run = books_query::insert_run(db_, path_, command, now_iso(), inputs);
  for (IssuedBill& bill : bills) {
    const Series series = series_of(bill.kind, bill.year());
    const int sequence = books_query::last_sequence(db_, path_, series) + 1;
    bill.number = bill_number(series, sequence);
    books_query::insert_bill(db_, path_, bill, series, sequence, run);
  }
}

std::vector<Payment> Books::payments() const {
  if (!has_payments()) return {};
  return books_query::all_payments(db_, path_);
}

std::vector<Reminder> Books::reminders() const {
  if (!has_payments()) return {};
  return books_query::all_reminders(db_, path_);
}

std::string Books::imported_as(const std::string& sha256) const {
  if (!has_payments()) return {};
  return books_query::import_of_digest(db_, path_, sha256);
}

void Books::import_payments(const InputRecord& file, std::vector<Payment>& payments) {
  books_query::insert_payments(db_, path_, file, now_iso(), payments);
}

void Books::set_match(const std::string& payment_id, const std::string& bill, Match match) {
  // P-000123 → 123; the caller found the payment among payments().
  books_query::update_match(db_, path_, std::stoll(payment_id.substr(2)), bill, match);
}

void Books::record_reminder(const Reminder& reminder) {
  books_query::insert_reminder(db_, path_, reminder);
}

void Books::commit() {
  exec(db_, path_, "COMMIT");
  in_transaction_ = false;
}

}  // namespace citfee
