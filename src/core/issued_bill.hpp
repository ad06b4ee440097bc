// A bill as it was issued and recorded in the books: never changed again.
// Plain data, with the rules that number and name bills.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.hpp"
#include "core/period.hpp"

namespace citfee {

enum class BillKind { kAnnual, kAnnualCorrection, kSemester };

std::string_view kind_name(BillKind kind);  // annual, annual_correction, semester
std::optional<BillKind> parse_kind(std::string_view name);

// One line of an issued bill. Which fields are set depends on the line:
// a service used (quantity .. unit_price), the annual fee (population ..
// computed), or a settlement of an earlier bill (billed_before, correct).
struct BillLine {
  std::string service;  // a service key, "quota_annuale" or "conguaglio"
  std::string period;   // the period the line bills: 2026-H1, or 2027
  std::optional<std::int64_t> quantity;
  std::optional<std::int64_t> free;
  std::optional<std::int64_t> billable;
  std::optional<Money> unit_price;
  std::optional<std::int64_t> allowance;    // free units of the scope
  std::optional<std::int64_t> used_before;  // used by earlier periods of the scope
  std::string method;                       // annual: flat or marginal
  std::optional<std::int64_t> population;
  std::optional<int> population_year;  // the N of 31 December N
  std::string population_source;
  std::string band;  // "fino a 1.000", or the flat fee's label
  std::optional<Money> coefficient;
  std::optional<Money> computed;       // the annual fee before rounding
  std::optional<Money> billed_before;  // a settlement: what had been billed
  std::optional<Money> correct;        // a settlement: what it should have been
  Money amount;
};

struct IssuedBill {
  std::string number;     // QA-2027/0001; empty until issued
  std::string reference;  // CIT-QA-2027-017002, CIT-QV-2026-H1-017002, ...-R1
  BillKind kind = BillKind::kAnnual;
  std::string period;  // 2027 for annual bills, 2026-H1 for semester bills
  std::string entity_id;
  std::string name;
  std::string tax_code;
  std::string pec;
  Date date;
  Date due;
  std::vector<BillLine> lines;
  Money total;
  std::string tariff;

  bool is_credit() const { return total.is_negative(); }
  int year() const;  // of its period
};

// The series a bill is numbered in: QA for annual bills and their
// corrections, QV for semester bills; one per calendar year of the period.
struct Series {
  std::string prefix;  // QA, QV
  int year = 0;

  auto operator<=>(const Series&) const = default;
};

Series series_of(BillKind kind, int year);
// QA-2027/0001: gapless from 1, never reused.
std::string bill_number(const Series& series, int sequence);

// References are built from what identifies a bill, never from a counter:
// a re-run gives the same ones.
std::string annual_reference(int year, std::string_view entity_id);
std::string semester_reference(Period period, std::string_view entity_id);
// The n-th correction (n from 1) of an annual bill: CIT-QA-2027-017002-R1.
std::string correction_reference(int year, std::string_view entity_id, int n);

// A correction is due 30 days after its date, or on the original due date
// when that is later.
Date correction_due(Date date, Date original_due);

}  // namespace citfee
