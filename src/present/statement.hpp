// Statements: the letter each entity receives, as plain data. Built from the
// computed fees by pure functions (statement_annual, statement_semester); a
// renderer lays it out and knows nothing of fees. User-facing text is Italian.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/entity.hpp"
#include "core/issued_bill.hpp"  // the references
#include "core/issuer.hpp"
#include "core/money.hpp"
#include "core/period.hpp"

namespace citfee {

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
  std::string number;     // QV-2026/0001 once issued in the books; else empty
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

// Why an entity id cannot name a statement file ("/" or a control character,
// a leading dot or dash, more than kMaxIdInFileName bytes); empty when it can.
std::string file_name_problem(std::string_view entity_id);
constexpr std::size_t kMaxIdInFileName = 200;

namespace statement_parts {

// A statement with the issuer, the recipient, the date and the draft mark set.
Statement base(const Entity& entity, const StatementSettings& settings);

// The payment reason (causale): `text` with every character a bank transfer
// may refuse replaced by '-'. SEPA accepts letters, digits and / - ? : ( ) . , ' +
std::string payment_reason(const std::string& text);

}  // namespace statement_parts

}  // namespace citfee
