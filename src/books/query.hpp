// The SQL of the books: statements with their values bound, rows read back
// into IssuedBill. Used by books.cpp only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "books/books.hpp"
#include "books/connection.hpp"
#include "core/balance.hpp"
#include "core/issued_bill.hpp"
#include "core/payment.hpp"

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
// It keeps the connection it was prepared on, which must outlive it.
class Query {
 public:
  Query(const Connection& conn, std::string_view sql);
  // A connection made for one statement would be gone before the statement.
  Query(const Connection&& conn, std::string_view sql) = delete;
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

  const Connection* conn_;
  sqlite3_stmt* stmt_ = nullptr;
};

std::vector<IssuedBill> all_bills(const Connection& conn);
int last_sequence(const Connection& conn, const Series& series);
std::int64_t insert_run(const Connection& conn, std::string_view command,
                        const std::string& issued_at, const std::vector<InputRecord>& inputs);
void insert_bill(const Connection& conn, const IssuedBill& bill, const Series& series, int sequence,
                 std::int64_t run);

// Payments and reminders (payment_query.cpp).
std::vector<Payment> all_payments(const Connection& conn);
// The name the file of this digest was imported under; empty if never.
std::string import_of_digest(const Connection& conn, const std::string& sha256);
// Records one imported file and its payments, giving each its id.
void insert_payments(const Connection& conn, const InputRecord& file,
                     const std::string& imported_at, std::vector<Payment>& payments);
void update_match(const Connection& conn, std::int64_t payment, const std::string& bill,
                  Match match);
std::vector<Reminder> all_reminders(const Connection& conn);
void insert_reminder(const Connection& conn, const Reminder& reminder);

}  // namespace citfee::books_query
