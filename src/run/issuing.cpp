#include "run/issuing.hpp"

#include <fmt/format.h>

#include "core/bill_issue.hpp"
#include "core/population.hpp"
#include "core/settlement.hpp"
#include "input/file_digest.hpp"
#include "input/read_file.hpp"
#include "input/tariff_source.hpp"
#include "output/messages.hpp"

namespace citfee {

BooksRun::BooksRun(const BooksOptions& o) : issuing_(o.issue) {
  if (o.path.empty()) {
    if (o.issue) {
      throw Error(Failure::kBadUsage,
                  "--issue needs the books: give --books FILE or set CITFEE_BOOKS");
    }
    return;
  }
  if (o.path == "-") throw Error(Failure::kBadUsage, "--books: give a file, not standard input");
  books_.emplace(o.issue ? Books::open_for_issuing(o.path) : Books::open_for_reading(o.path));
  bills_ = books_->bills();
  for (const IssuedBill& b : bills_) by_entity_[b.entity_id].push_back(b);
}

const std::vector<IssuedBill>& BooksRun::of_entity(const std::string& entity_id) const {
  static const std::vector<IssuedBill> none;
  const auto it = by_entity_.find(entity_id);
  return it == by_entity_.end() ? none : it->second;
}

void BooksRun::issue(std::vector<IssuedBill>& bills, const std::vector<std::string>& inputs,
                     const std::string& command) {
  std::vector<InputRecord> records;
  for (const std::string& path : inputs) records.push_back({display_name(path), file_sha256(path)});
  books_->issue(bills, records, command);
}

Books* BooksRun::to_commit() {
  return books_ && issuing_ ? &*books_ : nullptr;
}

BillMark issued_mark(const IssuedBill& bill) {
  return {bill.number, bill.is_credit() ? BillState::kCredit : BillState::kIssued, bill.date};
}

void tell_issued(const std::map<std::string, BillMark>& marks, const std::string& books,
                 bool copies) {
  std::size_t issued = 0, already = 0;
  for (const auto& [id, mark] : marks) {
    if (mark.state == BillState::kAlreadyIssued) ++already;
    if (issued_by_this_run(mark.state)) ++issued;
  }
  if (already && copies) {
    note(
        fmt::format("{} bill(s) already issued in {}: their letters are copies from the books, "
                    "not a recomputation",
                    already, books));
  } else if (already) {
    note(fmt::format("{} bill(s) already issued in {}: shown as issued, not issued again", already,
                     books));
  }
  if (issued) note(fmt::format("{} bill(s) issued in {}", issued, books));
}

namespace {

// A fee that differs from what its bills said is corrected by a bill of
// its own, never by changing the first: told per entity.
void tell_correction(const AnnualFee& fee, const IssuedBill& correction) {
  const BillLine& line = correction.lines.front();
  warn(fmt::format("{} {}: issued {}, recomputed {} (difference {}): correction bill {}",
                   fee.entity->id, fee.year, line.billed_before->to_fixed(2),
                   line.correct->to_fixed(2), correction.total.to_fixed(2), correction.reference));
}

}  // namespace

std::map<std::string, BillMark> plan_annual(BooksRun& books, std::vector<AnnualFee>& fees,
                                            std::deque<Entity>& recipients,
                                            std::vector<Correction>& corrections,
                                            const std::vector<std::string>& inputs,
                                            const Tariff& tariff, Date date) {
  std::map<std::string, BillMark> marks;
  std::vector<IssuedBill> fresh;
  for (AnnualFee& fee : fees) {
    const std::string& id = fee.entity->id;
    const std::vector<IssuedBill>& mine = books.of_entity(id);
    const IssuedBill* first = issued_bill_for(mine, BillKind::kAnnual, std::to_string(fee.year));
    if (!first) {
      marks[id] = {"", BillState::kNotIssued, {}};
      if (books.issuing()) fresh.push_back(annual_issue(fee, tariff, date));
      continue;
    }
    marks[id] = {first->number, BillState::kAlreadyIssued, first->date};
    auto correction = annual_correction(fee, tariff, date, mine);
    if (correction) tell_correction(fee, *correction);
    if (correction && books.issuing()) {
      fresh.push_back(std::move(*correction));
    } else {
      // Shown as issued: its figures and its recipient then.
      recipients.push_back(recipient_of(*first, *fee.entity));
      fee = annual_fee_of(*first, tariff, recipients.back());
    }
  }
  if (fresh.empty()) return marks;
  books.issue(fresh, inputs, fmt::format("annual {}", fees.front().year));
  for (const IssuedBill& b : fresh) {
    if (b.kind != BillKind::kAnnualCorrection) {
      marks[b.entity_id] = issued_mark(b);
      continue;
    }
    marks[b.entity_id] = {b.number, BillState::kCorrected, b.date};
    const AnnualFee* fee = nullptr;
    for (const AnnualFee& f : fees) {
      if (f.entity->id == b.entity_id) fee = &f;
    }
    const std::vector<IssuedBill>& mine = books.of_entity(b.entity_id);
    corrections.push_back({b, *issued_bill_for(mine, BillKind::kAnnual, b.period), fee->entity});
  }
  return marks;
}

namespace {

// What `period` comes to for `entity` from today's ledger, under the tariff
// (of `tariffs`, read once per run) and the residents of its own year: an
// earlier semester settled.
Money recomputed(const std::vector<Tariff>& tariffs, const UsageLedger& ledger,
                 const Entity& entity, Period period) {
  const Entity e = with_population_of(entity, period.year - 1);
  return semester_bill(select_tariff(tariffs, period.year), ledger, e, period).total;
}

// A bill issued before: shown as issued; a change since is told, for the
// next semester bill settles it.
SemesterBill shown_as_issued(const IssuedBill& issued, const SemesterBill& now,
                             const Tariff& tariff, const std::vector<IssuedBill>& entity_bills) {
  const Money billed = billed_for(entity_bills, now.period);
  if (billed != now.total) {
    // What the period was billed counts its own bill and every conguaglio
    // of it in later bills: the message says so, not that one bill holds it.
    const bool settled_later = billed != issued.total;
    warn(
        fmt::format("{} {}: billed {} so far ({}{}), recomputed {} from today's usage "
                    "(difference {}); the next semester bill issued settles it",
                    now.entity->id, now.period.str(), billed.to_fixed(2), issued.number,
                    settled_later ? " and the conguagli of later bills" : "", now.total.to_fixed(2),
                    (now.total - billed).to_fixed(2)));
  }
  return semester_bill_of(issued, tariff, *now.entity);
}

}  // namespace

std::map<std::string, BillMark> plan_semester(BooksRun& books, std::vector<SemesterBill>& bills,
                                              const std::vector<Tariff>& tariffs,
                                              const UsageLedger& ledger,
                                              const std::vector<std::string>& inputs,
                                              const Tariff& tariff, Date date) {
  std::map<std::string, BillMark> marks;
  std::vector<IssuedBill> fresh;
  for (SemesterBill& bill : bills) {
    const std::string& id = bill.entity->id;
    const std::vector<IssuedBill>& mine = books.of_entity(id);
    if (const IssuedBill* done = issued_bill_for(mine, BillKind::kSemester, bill.period.str())) {
      bill = shown_as_issued(*done, bill, tariff, mine);
      marks[id] = {done->number, BillState::kAlreadyIssued, done->date};
      continue;
    }
    add_settlements(bill, settlements_for(mine, bill.period, [&](Period q) {
                      return recomputed(tariffs, ledger, *bill.entity, q);
                    }));
    marks[id] = {"", BillState::kNotIssued, {}};
    if (books.issuing()) fresh.push_back(semester_issue(bill, tariff, date));
  }
  if (fresh.empty()) return marks;
  books.issue(fresh, inputs, "semester " + bills.front().period.str());
  for (const IssuedBill& b : fresh) marks[b.entity_id] = issued_mark(b);
  return marks;
}

}  // namespace citfee
