// The books: the SQLite file that keeps every issued bill. The only place
// that speaks SQL; the rest of citfee sees IssuedBill and nothing else.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/balance.hpp"
#include "core/issued_bill.hpp"
#include "core/payment.hpp"

struct sqlite3;

namespace citfee {

// An input of an issuing run, recorded with the bills it made.
struct InputRecord {
  std::string file;
  std::string sha256;  // of its bytes, hex; empty for standard input
};

class Books {
 public:
  // Opens the books at `path`. For writing, makes them (and brings an older
  // schema up to date) and takes the write lock at once, waiting up to 5 s
  // for another run: the run then holds it until commit() or the end.
  // Throws Error: kNoInput when reading books that do not exist, kTempFail
  // when they stay in use, kBadData when they are not citfee's books.
  static Books open_for_reading(const std::string& path);
  static Books open_for_writing(const std::string& path);

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

  const std::string& path() const { return path_; }

 private:
  Books(sqlite3* db, std::string path, bool writing);
  bool has_payments() const { return version_ >= 2; }

  sqlite3* db_ = nullptr;
  std::string path_;
  bool in_transaction_ = false;
  int version_ = 0;
};

}  // namespace citfee
