#include "books/schema.hpp"

#include <string>

namespace citfee::books_schema {

namespace {

// Version 1. Amounts are exact decimal text in euros ("875.00", "0.175"),
// never floating point; dates are ISO text. Issued rows can be neither
// changed nor deleted: the triggers refuse it, whoever asks.
constexpr std::string_view kVersion1 = R"sql(
CREATE TABLE run (
  id INTEGER PRIMARY KEY,
  command TEXT NOT NULL,
  issued_at TEXT NOT NULL
);
CREATE TABLE run_input (
  run INTEGER NOT NULL REFERENCES run(id),
  file TEXT NOT NULL,
  sha256 TEXT NOT NULL
);
CREATE TABLE bill (
  number TEXT PRIMARY KEY,
  series TEXT NOT NULL CHECK (series IN ('QA', 'QV')),
  year INTEGER NOT NULL,
  sequence INTEGER NOT NULL CHECK (sequence > 0),
  reference TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('annual', 'annual_correction', 'semester')),
  period TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  name TEXT NOT NULL,
  tax_code TEXT NOT NULL,
  pec TEXT NOT NULL,
  date TEXT NOT NULL,
  due_date TEXT NOT NULL,
  total TEXT NOT NULL,
  tariff TEXT NOT NULL,
  run INTEGER NOT NULL REFERENCES run(id),
  UNIQUE (series, year, sequence)
);
CREATE INDEX bill_entity ON bill (entity_id, kind, period);
CREATE TABLE bill_line (
  number TEXT NOT NULL REFERENCES bill(number),
  position INTEGER NOT NULL,
  service TEXT NOT NULL,
  period TEXT NOT NULL,
  quantity INTEGER,
  free INTEGER,
  billable INTEGER,
  unit_price TEXT,
  allowance INTEGER,
  used_before INTEGER,
  method TEXT,
  population INTEGER,
  population_year INTEGER,
  population_source TEXT,
  band TEXT,
  coefficient TEXT,
  computed TEXT,
  billed_before TEXT,
  correct TEXT,
  amount TEXT NOT NULL,
  PRIMARY KEY (number, position)
);
CREATE TRIGGER bill_never_changes BEFORE UPDATE ON bill
  BEGIN SELECT RAISE(ABORT, 'an issued bill never changes'); END;
CREATE TRIGGER bill_never_deleted BEFORE DELETE ON bill
  BEGIN SELECT RAISE(ABORT, 'an issued bill is never deleted'); END;
CREATE TRIGGER bill_line_never_changes BEFORE UPDATE ON bill_line
  BEGIN SELECT RAISE(ABORT, 'an issued bill never changes'); END;
CREATE TRIGGER bill_line_never_deleted BEFORE DELETE ON bill_line
  BEGIN SELECT RAISE(ABORT, 'an issued bill is never deleted'); END;
)sql";

// Version 2: payments received and reminders sent. A payment is never
// deleted and only its match may change (assigned or unassigned by hand);
// a file's content is imported once (its digest is unique), a bank's id of
// a transaction too.
constexpr std::string_view kVersion2 = R"sql(
CREATE TABLE payment_import (
  id INTEGER PRIMARY KEY,
  file TEXT NOT NULL,
  sha256 TEXT NOT NULL UNIQUE,
  imported_at TEXT NOT NULL
);
CREATE TABLE payment (
  id INTEGER PRIMARY KEY,
  import INTEGER NOT NULL REFERENCES payment_import(id),
  line INTEGER NOT NULL,
  date TEXT NOT NULL,
  amount TEXT NOT NULL,
  payer TEXT NOT NULL,
  tax_code TEXT NOT NULL,
  description TEXT NOT NULL,
  bank_id TEXT UNIQUE,
  bill TEXT REFERENCES bill(number),
  match TEXT NOT NULL CHECK (match IN ('none', 'reference', 'number', 'tax_code', 'hand')),
  CHECK ((bill IS NULL) = (match = 'none'))
);
CREATE INDEX payment_bill ON payment (bill);
CREATE TRIGGER payment_never_deleted BEFORE DELETE ON payment
  BEGIN SELECT RAISE(ABORT, 'a payment received is never deleted'); END;
CREATE TRIGGER payment_only_matched BEFORE UPDATE OF id, import, line, date, amount, payer,
  tax_code, description, bank_id ON payment
  BEGIN SELECT RAISE(ABORT, 'a payment received never changes, but for its match'); END;
CREATE TABLE reminder (
  bill TEXT NOT NULL REFERENCES bill(number),
  count INTEGER NOT NULL CHECK (count > 0),
  date TEXT NOT NULL,
  outstanding TEXT NOT NULL,
  new_due TEXT NOT NULL,
  PRIMARY KEY (bill, count),
  UNIQUE (bill, date)
);
CREATE TRIGGER reminder_never_changes BEFORE UPDATE ON reminder
  BEGIN SELECT RAISE(ABORT, 'a reminder sent never changes'); END;
CREATE TRIGGER reminder_never_deleted BEFORE DELETE ON reminder
  BEGIN SELECT RAISE(ABORT, 'a reminder sent is never deleted'); END;
)sql";

// Version 3: the rows of runs and imports can be neither changed nor
// deleted either, and the issued rows are chained. `chain` has one link per
// bill, bill line, payment and reminder, in the order they were written:
// `source` names the table, `ref` and `position` the row (a bill's number and
// 0; its number and the line's position; a payment's id and 0; the bill's
// number and the reminder's count), and `hash` is the SHA-256 (hex) of the
// link before's hash, the source and the row's content (books_chain.cpp says
// how). A row changed or deleted, or a link deleted, then no longer matches.
// The links of the rows already there are made by the migration, in the
// order of their rowids.
constexpr std::string_view kVersion3 = R"sql(
CREATE TABLE chain (
  seq INTEGER PRIMARY KEY,
  source TEXT NOT NULL CHECK (source IN ('bill', 'bill_line', 'payment', 'reminder')),
  ref TEXT NOT NULL,
  position INTEGER NOT NULL,
  hash TEXT NOT NULL,
  UNIQUE (source, ref, position)
);
CREATE TRIGGER chain_never_changes BEFORE UPDATE ON chain
  BEGIN SELECT RAISE(ABORT, 'a link of the chain never changes'); END;
CREATE TRIGGER chain_never_deleted BEFORE DELETE ON chain
  BEGIN SELECT RAISE(ABORT, 'a link of the chain is never deleted'); END;
CREATE TRIGGER run_never_changes BEFORE UPDATE ON run
  BEGIN SELECT RAISE(ABORT, 'a run recorded never changes'); END;
CREATE TRIGGER run_never_deleted BEFORE DELETE ON run
  BEGIN SELECT RAISE(ABORT, 'a run recorded is never deleted'); END;
CREATE TRIGGER run_input_never_changes BEFORE UPDATE ON run_input
  BEGIN SELECT RAISE(ABORT, 'an input of a run never changes'); END;
CREATE TRIGGER run_input_never_deleted BEFORE DELETE ON run_input
  BEGIN SELECT RAISE(ABORT, 'an input of a run is never deleted'); END;
CREATE TRIGGER payment_import_never_changes BEFORE UPDATE ON payment_import
  BEGIN SELECT RAISE(ABORT, 'a payments file imported never changes'); END;
CREATE TRIGGER payment_import_never_deleted BEFORE DELETE ON payment_import
  BEGIN SELECT RAISE(ABORT, 'a payments file imported is never deleted'); END;
)sql";

}  // namespace

const std::vector<std::string_view>& migrations() {
  static const std::vector<std::string_view> steps = {kVersion1, kVersion2, kVersion3};
  return steps;
}

namespace {

// Every `CREATE <what> name ... <end>` of the first `version` steps.
std::vector<SchemaObject> objects(int version, std::string_view what, std::string_view end) {
  std::vector<SchemaObject> out;
  const std::string head = "CREATE " + std::string(what) + " ";
  for (int v = 0; v < version && v < static_cast<int>(migrations().size()); ++v) {
    const std::string_view step = migrations()[static_cast<std::size_t>(v)];
    for (std::size_t at = step.find(head); at != std::string_view::npos;
         at = step.find(head, at + head.size())) {
      const std::size_t name_at = at + head.size();
      const std::size_t name_end = step.find_first_of(" (\n", name_at);
      const std::size_t stop = step.find(end, name_at);
      if (name_end == std::string_view::npos || stop == std::string_view::npos) continue;
      out.push_back({std::string(step.substr(name_at, name_end - name_at)),
                     std::string(step.substr(at, stop + end.size() - 1 - at))});
    }
  }
  return out;
}

}  // namespace

std::vector<SchemaObject> tables(int version) {
  return objects(version, "TABLE", ");");
}

std::vector<SchemaObject> triggers(int version) {
  return objects(version, "TRIGGER", "END;");
}

}  // namespace citfee::books_schema
