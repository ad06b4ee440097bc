// The books: the SQLite file that keeps every issued bill. The only place
// that speaks SQL; the rest of citfee sees IssuedBill and nothing else.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "books/connection.hpp"
#include "core/balance.hpp"
#include "core/issued_bill.hpp"
#include "core/payment.hpp"

namespace citfee {

// An input of an issuing run, recorded with the bills it made.
struct InputRecord {
  std::string file;
  std::string sha256;  // of its bytes, hex; empty for standard input
};

// What `citfee verify` finds in the books.
struct BooksAudit {
  std::size_t bills = 0;
  std::size_t payments = 0;
  std::size_t reminders = 0;
  std::size_t links = 0;              // of the chain
  std::string tail;                   // the last link's hash; empty without one
  std::vector<std::string> notes;     // worth knowing, not a problem
  std::vector<std::string> findings;  // each a problem, in a sentence; none when all is well
};

class Books {
 public:
  // Opens the books at `path`. For writing, brings an older schema up to
  // date, takes the write lock at once, waiting up to CITFEE_BUSY_TIMEOUT_MS
  // (5 s) for another run, and checks the last link of the chain: the run
  // then holds the lock until commit() or the end. Only open_for_issuing()
  // makes books that do not exist yet (or that a run stopped before its first
  // commit left empty), and takes them back if the run ends without commit.
  // Throws Error: kNoInput when the books do not exist or were never
  // completed, kTempFail when they stay in use, kBadData when they are not
  // citfee's books or were changed outside citfee.
  static Books open_for_reading(const std::string& path);
  static Books open_for_writing(const std::string& path);
  static Books open_for_issuing(const std::string& path);

  Books(Books&& other) noexcept;
  Books& operator=(Books&&) = delete;
  ~Books();  // rolls back what was not committed

  // Every bill, in number order.
  std::vector<IssuedBill> bills() const;

  // Gives each bill the next number of its series and records it, with the
  // run's inputs. Nothing is kept until commit().
  void issue(std::vector<IssuedBill>& bills, const std::vector<InputRecord>& inputs,
             std::string_view command);
  void commit();

  // Payments received, in id order; reminders sent. Books of schema
  // version 1 have none.
  std::vector<Payment> payments() const;
  std::vector<Reminder> reminders() const;
  // The name a file of this content was imported under; empty if never.
  std::string imported_as(const std::string& sha256) const;
  // Records the payments of one file, giving each its id (P-000123).
  void import_payments(const InputRecord& file, std::vector<Payment>& payments);
  // Sets the bill a payment pays (empty and kNone: unmatched).
  void set_match(const std::string& payment_id, const std::string& bill, Match match);
  void record_reminder(const Reminder& reminder);

  // Every check of the books' soundness (audit.cpp): the triggers, the
  // numbers of each series, the totals, the payments' imports, the chain.
  BooksAudit audit() const;

  const std::string& path() const { return conn_.path(); }

 private:
  Books(Connection conn, bool writing);
  static Books open_writer(const std::string& path, bool issuing);
  bool has_payments() const { return version_ >= 2; }
  bool has_chain() const;
  void link(std::string_view source, const std::string& ref, std::int64_t position);

  Connection conn_;
  bool in_transaction_ = false;
  int version_ = 0;
  std::string tail_;              // the last link's hash, while writing
  bool remove_if_empty_ = false;  // made (or taken over) by this run, not yet committed
};

}  // namespace citfee
