// The SQL of the books: statements with their values bound, rows read back
// into IssuedBill. Used by books.cpp only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "books/books.hpp"
#include "core/balance.hpp"
#include "core/issued_bill.hpp"
#include "core/payment.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace citfee::books_query {

// How long a run waits for another that holds the books: CITFEE_BUSY_TIMEOUT_MS,
// or 5000. Throws kBadUsage when the variable is not a number of milliseconds.
int busy_timeout_ms();
// Stops the run: the books stayed in use by another run for that long.
[[noreturn]] void busy(const std::string& path);
// Stops the run: the books may not be written, where a run must write them
// (a writer, or a reader rolling back what a stopped run left half-written).
[[noreturn]] void readonly(const std::string& path);

// One prepared statement; an SQLite failure becomes an Error naming the books.
class Query {
 public:
  Query(sqlite3* db, const std::string& path, std::string_view sql);
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;
  ~Query();

  Query& bind(int i, std::string_view text);
  Query& bind(int i, std::int64_t n);
  Query& bind(int i, const std::optional<std::int64_t>& n);
  Query& bind(int i, const std::optional<Money>& m);
  Query& bind_text_or_null(int i, std::string_view text);

  bool step();  // true while there is a row
  void run();   // a statement without rows
  // Ready to run again with other values: one statement for many rows, as
  // preparing it again for each row costs more than the insert itself.
  void reset();

  std::int64_t integer(int column) const;
  std::optional<std::int64_t> maybe_integer(int column) const;
  std::string text(int column) const;
  Money money(int column) const;
  std::optional<Money> maybe_money(int column) const;
  Date date(int column) const;

 private:
  [[noreturn]] void fail(int rc) const;

  sqlite3* db_;
  const std::string& path_;
  sqlite3_stmt* stmt_ = nullptr;
};

std::vector<IssuedBill> all_bills(sqlite3* db, const std::string& path);
int last_sequence(sqlite3* db, const std::string& path, const Series& series);
std::int64_t insert_run(sqlite3* db, const std::string& path, std::string_view command,
                        const std::string& issued_at, const std::vector<InputRecord>& inputs);
void insert_bill(sqlite3* db, const std::string& path, const IssuedBill& bill, const Series& series,
                 int sequence, std::int64_t run);

// Payments and reminders (payment_query.cpp).
std::vector<Payment> all_payments(sqlite3* db, const std::string& path);
// The name the file of this digest was imported under; empty if never.
std::string import_of_digest(sqlite3* db, const std::string& path, const std::string& sha256);
// Records one imported file and its payments, giving each its id.
void insert_payments(sqlite3* db, const std::string& path, const InputRecord& file,
                     const std::string& imported_at, std::vector<Payment>& payments);
void update_match(sqlite3* db, const std::string& path, std::int64_t payment,
                  const std::string& bill, Match match);
std::vector<Reminder> all_reminders(sqlite3* db, const std::string& path);
void insert_reminder(sqlite3* db, const std::string& path, const Reminder& reminder);

}  // namespace citfee::books_query
