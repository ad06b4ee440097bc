#include "books/schema.hpp"

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

}  // namespace

const std::vector<std::string_view>& migrations() {
  static const std::vector<std::string_view> steps = {kVersion1};
  return steps;
}

}  // namespace citfee::books_schema
