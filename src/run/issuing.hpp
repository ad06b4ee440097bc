// What a run with the books issues: for each entity, its bill issued now,
// a correction of the one issued before, or the one issued before shown as
// it was. The plan of an annual and of a semester run, and the books they
// are issued into.
#pragma once

#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "books/books.hpp"
#include "core/annual.hpp"
#include "core/issued_bill.hpp"
#include "core/semester.hpp"
#include "core/usage_ledger.hpp"
#include "present/bill_marks.hpp"

namespace citfee {

struct BooksOptions {
  std::string path;  // --books FILE, or CITFEE_BOOKS
  bool issue = false;
};

class BooksRun {
 public:
  // Opens the books named, for issuing with --issue (made if missing, held
  // until the run ends); without --books, a run without books.
  explicit BooksRun(const BooksOptions& options);

  bool active() const { return books_.has_value(); }
  bool issuing() const { return issuing_; }
  const std::string& path() const { return books_->path(); }

  // The bills issued to `entity_id` before this run.
  const std::vector<IssuedBill>& of_entity(const std::string& entity_id) const;
  const std::vector<IssuedBill>& all() const { return bills_; }

  // Numbers and records `bills`, with the digests of `inputs`; kept by the
  // run's commit.
  void issue(std::vector<IssuedBill>& bills, const std::vector<std::string>& inputs,
             const std::string& command);
  // The books the run's commit commits: none unless issuing.
  Books* to_commit();

 private:
  std::optional<Books> books_;
  bool issuing_ = false;
  std::vector<IssuedBill> bills_;
  std::map<std::string, std::vector<IssuedBill>> by_entity_;
};

// The mark of a bill this run issued: issued, or credit when negative.
BillMark issued_mark(const IssuedBill& bill);

// Tells on stderr how many bills the run issued and found already issued.
// With `copies`, the letters were made from the books: said too.
void tell_issued(const std::map<std::string, BillMark>& marks, const std::string& books,
                 bool copies);

// A correction bill issued by an annual run, and the bill it corrects.
struct Correction {
  IssuedBill bill;
  IssuedBill first;
  const Entity* entity = nullptr;
};

// With the books: a member without its bill of the year gets one, one whose
// fee changed gets a correction bill (in `corrections`), numbered when the
// run issues; a bill issued before is shown with its figures and recipient
// then (kept in `recipients`, which `fees` then point into). `inputs` are
// recorded with the bills. Returns each entity's mark.
std::map<std::string, BillMark> plan_annual(BooksRun& books, std::vector<AnnualFee>& fees,
                                            std::deque<Entity>& recipients,
                                            std::vector<Correction>& corrections,
                                            const std::vector<std::string>& inputs,
                                            const Tariff& tariff, Date date);

// With the books: the semester bills already issued as they were, the
// others with the settlement of every earlier semester issued (recomputed
// under `tariffs` from `ledger`); numbered when the run issues.
std::map<std::string, BillMark> plan_semester(BooksRun& books, std::vector<SemesterBill>& bills,
                                              const std::vector<Tariff>& tariffs,
                                              const UsageLedger& ledger,
                                              const std::vector<std::string>& inputs,
                                              const Tariff& tariff, Date date);

}  // namespace citfee
