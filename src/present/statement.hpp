// Statements: the letter each entity receives, as plain data. Built from the
// computed fees by pure functions (statement_annual, statement_semester); a
// renderer lays it out and knows nothing of fees. User-facing text is Italian.
#pragma once

#include <optional>
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

// A label with its value: "Riferimento" above "CIT-QA-2027-017002" in the
// letter's head, "IBAN" beside the account in the payment block.
struct LabelledValue {
  std::string label;
  std::string value;
  bool strong = true;  // the value stands out (bold)
};

// How to pay: the data of a bank transfer, set apart in a panel.
struct PaymentWords {
  std::string title;        // Modalità di pagamento
  std::string instruction;  // Bonifico bancario con i dati seguenti.
  std::vector<LabelledValue> lines;
};

// Every word of a letter around its detail, worded from the statement: what
// the head, the total, the closing and the footer of each page say, and
// which of them a letter has at all. A renderer lays these out in this order
// and words nothing itself. They are worded when the letter is laid out, not
// when the statement is built, because a run may still date, number or move
// the due date of a statement after building it.
struct LetterWords {
  // The letterhead: the issuer's name, office (may be empty), address and codes.
  std::string issuer_name;
  std::string issuer_office;
  std::string issuer_address;
  std::string issuer_codes;
  std::vector<LabelledValue> marks;          // number (once issued), reference, place and date
  std::string addressee_label;               // Spett.le
  std::string addressee;                     // the recipient's name
  std::vector<std::string> addressee_lines;  // entity id, tax code, PEC
  std::string subject;                       // Oggetto: ...
  std::string total_label;
  std::string total_amount;
  std::string total_remark;  // under the total: the credit or the due date; may be empty
  // Said after the total when there is nothing to pay, in place of the payment block.
  std::vector<std::string> closing_paragraphs;
  std::optional<PaymentWords> payment;
  std::string greeting;                // Distinti saluti.
  std::vector<std::string> signature;  // under the greeting, one line each
  // On the pages after the first: who writes, and about what.
  std::string running_head_left;
  std::string running_head_right;
  // At the foot of every page: whose letter it is, and who sends it.
  std::string footer_letter;
  std::string footer_issuer;
  std::string draft_notice;    // in the footer of a draft; else empty
  std::string draft_mark;      // across every page of a draft; else empty
  std::string document_title;  // the title a viewer shows for the letter's own file
};

LetterWords letter_words(const Statement& statement);

// "Pagina 2 di 3"; "Pagina 2" while the pages are not yet counted (`pages` 0).
std::string page_words(int page, int pages);

// The letter as plain lines of text, blocks in the order they are laid out:
// the head, the subject, the opening, the detail (cells joined by " | ", a
// result preceded by a line of dashes, as the rule drawn above it), the
// notes, the total, the closing or payment block, the greeting and signature,
// then the footer and draft mark, said once rather than on each page.
std::vector<std::string> statement_text(const Statement& statement);

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
