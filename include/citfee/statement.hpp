// Statements: the letter each entity receives, as plain data. Built from the
// computed fees by pure functions; a renderer lays it out and knows nothing
// of fees. User-facing text is Italian.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "citfee/annual.hpp"
#include "citfee/money.hpp"
#include "citfee/period.hpp"
#include "citfee/semester.hpp"
#include "citfee/tariff.hpp"

namespace citfee {

// Who sends the statements and is paid.
struct Issuer {
  std::string name;                  // Provincia di Brescia
  std::string office;                // Centro Innovazione e Tecnologie – CIT
  std::vector<std::string> address;  // one line each
  std::string tax_code;
  std::string pec;                     // may be empty
  std::string place;                   // where letters are dated: Brescia
  std::string iban;                    // compact and checked; empty if not known
  std::vector<std::string> signature;  // lines under the greeting; may be empty
};

struct Recipient {
  std::string name;
  std::string id;
  std::string tax_code;  // may be empty
  std::string pec;       // may be empty
};

enum class Align { kLeft, kRight };

struct Column {
  std::string header;
  Align align = Align::kLeft;
  int width = 0;  // percent of the text width; the columns add up to 100
};

struct DetailRow {
  std::vector<std::string> cells;  // one per column
  bool result = false;             // a result of the rows above: set apart
};

struct Statement {
  std::string file_stem;  // 017002-2026-H1: the statement's file is <stem>.pdf
  std::string reference;  // CIT-QV-2026-H1-017002: the same on every run
  Issuer issuer;
  Recipient recipient;
  Date date;
  std::string subject;
  std::vector<std::string> opening;  // paragraphs before the detail
  std::vector<Column> columns;
  std::vector<DetailRow> rows;
  std::string no_rows;             // said instead of an empty table
  std::vector<std::string> notes;  // after the detail
  std::string total_label;
  Money total;
  Date due;
  std::string payment_reason;  // causale, in the characters SEPA transfers accept
  bool draft = false;          // every page marked BOZZA
};

// What every statement of a run shares.
struct StatementSettings {
  Issuer issuer;
  Date date;
  bool draft = false;
};

// References are built from what identifies a statement, never from a
// counter: a re-run gives the same ones.
std::string annual_reference(int year, std::string_view entity_id);
std::string semester_reference(Period period, std::string_view entity_id);

// Why an entity id cannot name a statement file ("/" or a control character,
// a leading dot); empty when it can.
std::string file_name_problem(std::string_view entity_id);

Statement annual_statement(const AnnualFee& fee, const Tariff& tariff,
                           const StatementSettings& settings);
Statement semester_statement(const SemesterBill& bill, const Tariff& tariff,
                             const StatementSettings& settings);

}  // namespace citfee
