// The books kept sound: only an issuing run makes them, another application's
// file is left alone, rows of runs and imports cannot change, the chain of
// hashes tells a row changed or deleted by hand, and older books get theirs.
#include <catch2/catch.hpp>

#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "books/books.hpp"
#include "books/temp_books.hpp"
#include "core/error.hpp"

using namespace citfee;

namespace {

IssuedBill bill_of(const std::string& id, const std::string& period, const char* amount) {
  IssuedBill b;
  b.kind = BillKind::kSemester;
  b.period = period;
  b.reference = "CIT-QV-" + period + "-" + id;
  b.entity_id = id;
  b.name = "Comune di Prova";
  b.tax_code = "00848860175";
  b.pec = "protocollo@pec.comune.prova.bs.it";
  b.date = Date{2026, 8, 10};
  b.due = Date{2026, 7, 31};
  b.tariff = "cit-2026";
  BillLine line;
  line.service = "telemaco";
  line.period = period;
  line.quantity = 300;
  line.amount = Money::parse(amount);
  BillLine zero;
  zero.service = "pec";
  zero.period = period;
  zero.amount = Money::parse("0");
  b.lines = {line, zero};
  b.total = line.amount;
  return b;
}

Payment payment_of(const char* amount, const std::string& bank_id, const std::string& bill) {
  Payment p;
  p.date = Date{2027, 3, 10};
  p.amount = Money::parse(amount);
  p.payer = "Comune di Prova";
  p.tax_code = "00848860175";
  p.description = "bonifico";
  p.bank_id = bank_id;
  p.bill = bill;
  p.match = bill.empty() ? Match::kNone : Match::kReference;
  p.line = 2;
  return p;
}

int sqlite_exec(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
  sqlite3_close(db);
  return rc;
}

std::string sqlite_text(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* stmt = nullptr;
  std::string out;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK) {
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      const unsigned char* t = sqlite3_column_text(stmt, 0);
      out += t ? reinterpret_cast<const char*>(t) : "NULL";
      out += "\n";
    }
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return out;
}

// Books with two bills (two lines each), two payments and a reminder.
void fill(const std::string& path) {
  Books books = Books::open_for_issuing(path);
  std::vector<IssuedBill> bills{bill_of("017001", "2026-H1", "21.00"),
                                bill_of("017002", "2026-H1", "7.00")};
  books.issue(bills, {{"consumi.csv", "ab12"}}, "semester 2026-H1");
  std::vector<Payment> payments{payment_of("21.00", "TX1", "QV-2026/0001"),
                                payment_of("3.00", "TX2", "")};
  books.import_payments({"tesoreria.csv", "digest-1"}, payments);
  books.record_reminder({"QV-2026/0002", 1, {2027, 5, 10}, Money::parse("7.00"), {2027, 6, 9}});
  books.commit();
}

Failure failure_of(void (*open)(const std::string&), const std::string& path,
                   std::string* message = nullptr) {
  try {
    open(path);
  } catch (const Error& e) {
    if (message) *message = e.what();
    return e.failure();
  }
  FAIL("opened");
  return Failure::kInternal;
}

void read(const std::string& path) {
  Books::open_for_reading(path);
}
void write(const std::string& path) {
  Books::open_for_writing(path);
}
void issue(const std::string& path) {
  Books::open_for_issuing(path);
}

bool has(const std::vector<std::string>& findings, const std::string& text) {
  return std::any_of(findings.begin(), findings.end(),
                     [&](const std::string& f) { return f.find(text) != std::string::npos; });
}

std::string all(const std::vector<std::string>& findings) {
  std::string out;
  for (const std::string& f : findings) out += f + "\n";
  return out;
}

}  // namespace

TEST_CASE("Only an issuing run makes books; a run that does not commit leaves no file") {
  TempBooks tmp;
  std::string message;
  CHECK(failure_of(write, tmp.path(), &message) == Failure::kNoInput);
  CHECK(message.find("registro.db: no books there") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(tmp.path()));
  CHECK(failure_of(read, tmp.path()) == Failure::kNoInput);
  CHECK_FALSE(std::filesystem::exists(tmp.path()));
  {
    Books books = Books::open_for_issuing(tmp.path());
    std::vector<IssuedBill> bills{bill_of("017001", "2026-H1", "21.00")};
    books.issue(bills, {}, "semester 2026-H1");
  }  // no commit: the run failed
  CHECK_FALSE(std::filesystem::exists(tmp.path()));
  CHECK_FALSE(std::filesystem::exists(tmp.path() + "-journal"));
  { Books::open_for_issuing(tmp.path()).commit(); }
  CHECK(std::filesystem::exists(tmp.path()));
  CHECK(Books::open_for_reading(tmp.path()).bills().empty());
}

TEST_CASE("A directory is not books") {
  TempBooks tmp;
  std::string message;
  for (auto open : {read, write, issue}) {
    CHECK(failure_of(open, tmp.dir.string(), &message) == Failure::kNoInput);
    CHECK(message.find("is a directory") != std::string::npos);
  }
}

TEST_CASE("Another application's SQLite file is refused, even to issue, and left as it is") {
  TempBooks tmp;
  REQUIRE(sqlite_exec(tmp.path(),
                      "CREATE TABLE contatti (nome TEXT); INSERT INTO contatti "
                      "VALUES ('Rossi')") == SQLITE_OK);
  const std::string before = sqlite_text(tmp.path(), "SELECT sql FROM sqlite_master");
  std::string message;
  for (auto open : {read, write, issue}) {
    CHECK(failure_of(open, tmp.path(), &message) == Failure::kBadData);
    CHECK(message.find("not citfee's books") != std::string::npos);
  }
  CHECK(sqlite_text(tmp.path(), "SELECT sql FROM sqlite_master") == before);
  CHECK(sqlite_text(tmp.path(), "PRAGMA user_version") == "0\n");
  CHECK(sqlite_text(tmp.path(), "SELECT nome FROM contatti") == "Rossi\n");
  // One that numbers its schema too.
  REQUIRE(sqlite_exec(tmp.path(), "PRAGMA user_version = 1") == SQLITE_OK);
  for (auto open : {read, write, issue}) {
    CHECK(failure_of(open, tmp.path(), &message) == Failure::kBadData);
    CHECK(message.find("not citfee's books") != std::string::npos);
  }
  CHECK(sqlite_text(tmp.path(), "SELECT sql FROM sqlite_master") == before);
}

TEST_CASE("Empty books a stopped first run left are told as such, and an issuing run takes them") {
  TempBooks tmp;
  { std::ofstream(tmp.path()).flush(); }
  std::string message;
  CHECK(failure_of(read, tmp.path(), &message) == Failure::kNoInput);
  CHECK(message == "books at " + tmp.path() +
                       " were never completed: no bill was ever committed; remove the file or "
                       "issue again (--issue)");
  CHECK(failure_of(write, tmp.path()) == Failure::kNoInput);
  CHECK(std::filesystem::file_size(tmp.path()) == 0);
  { Books::open_for_issuing(tmp.path()); }  // taken over, then failed: taken back
  CHECK_FALSE(std::filesystem::exists(tmp.path()));
  { std::ofstream(tmp.path()).flush(); }
  fill(tmp.path());
  CHECK(Books::open_for_reading(tmp.path()).bills().size() == 2);
}

TEST_CASE("A reader rolls back what a writer stopped half-way left in its journal") {
  TempBooks tmp;
  fill(tmp.path());
  // A writer that dies in the middle of a large transaction: its changes
  // spill into the file, the journal holds what was there.
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    sqlite3* db = nullptr;
    sqlite3_open(tmp.path().c_str(), &db);
    sqlite3_exec(db,
                 "PRAGMA cache_size = 2; BEGIN IMMEDIATE; CREATE TABLE spill (x); "
                 "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) "
                 "INSERT INTO spill SELECT randomblob(200) FROM n;",
                 nullptr, nullptr, nullptr);
    _exit(0);  // no commit, no rollback, no close
  }
  int status = 0;
  REQUIRE(waitpid(child, &status, 0) == child);
  REQUIRE(std::filesystem::exists(tmp.path() + "-journal"));
  const Books books = Books::open_for_reading(tmp.path());
  CHECK(books.bills().size() == 2);
  CHECK(books.audit().findings.empty());
  CHECK_FALSE(std::filesystem::exists(tmp.path() + "-journal"));
}

TEST_CASE("Runs, their inputs, imports and the chain can be neither changed nor deleted") {
  TempBooks tmp;
  fill(tmp.path());
  for (const char* sql :
       {"UPDATE run SET command = 'x'", "DELETE FROM run", "UPDATE run_input SET sha256 = 'x'",
        "DELETE FROM run_input", "UPDATE payment_import SET file = 'x'",
        "DELETE FROM payment_import", "UPDATE chain SET hash = 'x'", "DELETE FROM chain",
        "UPDATE reminder SET outstanding = '0.00'", "DELETE FROM reminder",
        "UPDATE payment SET amount = '1.00'", "DELETE FROM payment"}) {
    INFO(sql);
    CHECK(sqlite_exec(tmp.path(), sql) == SQLITE_CONSTRAINT);
  }
  // A payment's match may change, and the chain does not mind.
  CHECK(sqlite_exec(tmp.path(), "UPDATE payment SET bill = NULL, match = 'none' WHERE id = 1") ==
        SQLITE_OK);
  CHECK(Books::open_for_reading(tmp.path()).audit().findings.empty());
  CHECK_NOTHROW(Books::open_for_writing(tmp.path()));
}

TEST_CASE("Sound books verify with their counts and the chain's tail") {
  TempBooks tmp;
  fill(tmp.path());
  const BooksAudit a = Books::open_for_reading(tmp.path()).audit();
  INFO(all(a.findings));
  CHECK(a.findings.empty());
  CHECK(a.notes.empty());
  CHECK(a.bills == 2);
  CHECK(a.payments == 2);
  CHECK(a.reminders == 1);
  CHECK(a.links == 2 + 4 + 2 + 1);
  CHECK(a.tail.size() == 64);
  CHECK(sqlite_text(tmp.path(),
                    "SELECT source || ' ' || ref || ' ' || position FROM chain "
                    "ORDER BY seq") ==
        "bill QV-2026/0001 0\nbill_line QV-2026/0001 1\nbill_line QV-2026/0001 2\n"
        "bill QV-2026/0002 0\nbill_line QV-2026/0002 1\nbill_line QV-2026/0002 2\n"
        "payment 1 0\npayment 2 0\nreminder QV-2026/0002 1\n");
}

TEST_CASE("The chain tells a row changed by hand, and a writer refuses such books") {
  TempBooks tmp;
  fill(tmp.path());
  REQUIRE(sqlite_exec(tmp.path(),
                      "DROP TRIGGER bill_never_changes; "
                      "UPDATE bill SET total = '99.00' WHERE number = 'QV-2026/0001'; "
                      "DROP TRIGGER reminder_never_changes; "
                      "UPDATE reminder SET outstanding = '1.00'") == SQLITE_OK);
  const BooksAudit a = Books::open_for_reading(tmp.path()).audit();
  INFO(all(a.findings));
  CHECK(has(a.findings, "trigger bill_never_changes is missing"));
  CHECK(has(a.findings, "trigger reminder_never_changes is missing"));
  CHECK(has(a.findings,
            "bill QV-2026/0001: total 99.00 differs from the sum of its 2 line(s), "
            "21.00"));
  CHECK(has(a.findings, "bill QV-2026/0001 was changed since it was written (link 1"));
  CHECK(has(a.findings, "reminder 1 of bill QV-2026/0002 was changed since it was written"));
  CHECK(a.findings.size() == 5);
  // The reminder is the last row written: a writer checks it before writing.
  std::string message;
  CHECK(failure_of(write, tmp.path(), &message) == Failure::kBadData);
  CHECK(message.find("changed outside citfee") != std::string::npos);
  CHECK(message.find("reminder 1 of bill QV-2026/0002") != std::string::npos);
  CHECK(failure_of(issue, tmp.path()) == Failure::kBadData);
}

TEST_CASE("The chain tells a row deleted by hand, and a link deleted with it") {
  TempBooks tmp;
  fill(tmp.path());
  SECTION("a payment") {
    REQUIRE(sqlite_exec(tmp.path(),
                        "DROP TRIGGER payment_never_deleted; "
                        "DELETE FROM payment WHERE id = 1") == SQLITE_OK);
    const BooksAudit a = Books::open_for_reading(tmp.path()).audit();
    INFO(all(a.findings));
    CHECK(has(a.findings, "trigger payment_never_deleted is missing"));
    CHECK(has(a.findings, "payment P-000001 was deleted (link 7 of the chain)"));
    CHECK(a.findings.size() == 2);
  }
  SECTION("a bill, its lines and their links") {
    REQUIRE(sqlite_exec(tmp.path(),
                        "DROP TRIGGER bill_never_deleted; DROP TRIGGER bill_line_never_deleted; "
                        "DROP TRIGGER chain_never_deleted; "
                        "DELETE FROM bill_line WHERE number = 'QV-2026/0001'; "
                        "DELETE FROM bill WHERE number = 'QV-2026/0001'; "
                        "DELETE FROM chain WHERE ref = 'QV-2026/0001'") == SQLITE_OK);
    const BooksAudit a = Books::open_for_reading(tmp.path()).audit();
    INFO(all(a.findings));
    CHECK(has(a.findings, "series QV-2026: number 1 is missing"));
    CHECK(has(a.findings, "links 1 to 3 of the chain are missing (deleted)"));
    CHECK(has(a.findings,
              "payment P-000001: it pays bill QV-2026/0001, which is not in the "
              "books"));
  }
  SECTION("a payments file's import record") {
    REQUIRE(sqlite_exec(tmp.path(),
                        "DROP TRIGGER payment_import_never_deleted; "
                        "DELETE FROM payment_import") == SQLITE_OK);
    const BooksAudit a = Books::open_for_reading(tmp.path()).audit();
    INFO(all(a.findings));
    CHECK(has(a.findings, "payment P-000001: its import record (payments file 1) is missing"));
    CHECK(has(a.findings, "payment P-000002: its import record (payments file 1) is missing"));
  }
  SECTION("a row added by hand") {
    REQUIRE(sqlite_exec(tmp.path(),
                        "INSERT INTO reminder VALUES ('QV-2026/0002', 2, "
                        "'2027-06-20', '7.00', '2027-07-20')") == SQLITE_OK);
    const BooksAudit a = Books::open_for_reading(tmp.path()).audit();
    CHECK(has(a.findings, "reminder 2 of bill QV-2026/0002 has no link in the chain"));
  }
}

TEST_CASE("Books of schema version 2 are verified as they are, and get their chain when written") {
  TempBooks tmp;
  fill(tmp.path());
  const std::string tail = Books::open_for_reading(tmp.path()).audit().tail;
  // As a citfee before the chain left them.
  REQUIRE(sqlite_exec(tmp.path(),
                      "DROP TABLE chain; DROP TRIGGER run_never_changes; "
                      "DROP TRIGGER run_never_deleted; DROP TRIGGER run_input_never_changes; "
                      "DROP TRIGGER run_input_never_deleted; "
                      "DROP TRIGGER payment_import_never_changes; "
                      "DROP TRIGGER payment_import_never_deleted; PRAGMA user_version = 2") ==
          SQLITE_OK);
  {
    const BooksAudit a = Books::open_for_reading(tmp.path()).audit();
    INFO(all(a.findings));
    CHECK(a.findings.empty());
    REQUIRE(a.notes.size() == 1);
    CHECK(a.notes[0].find("schema version 2") != std::string::npos);
    CHECK(a.tail.empty());
  }
  {
    Books books = Books::open_for_writing(tmp.path());
    books.commit();
  }
  CHECK(sqlite_text(tmp.path(), "PRAGMA user_version") == "3\n");
  const BooksAudit a = Books::open_for_reading(tmp.path()).audit();
  INFO(all(a.findings));
  CHECK(a.findings.empty());
  CHECK(a.links == 9);
  // Made in the order the rows were written: the same chain as before.
  CHECK(a.tail == tail);
  CHECK(sqlite_exec(tmp.path(), "DELETE FROM run") == SQLITE_CONSTRAINT);
  REQUIRE(sqlite_exec(tmp.path(),
                      "DROP TRIGGER bill_line_never_changes; UPDATE bill_line SET "
                      "amount = '5.00' WHERE number = 'QV-2026/0002' AND position = "
                      "2") == SQLITE_OK);
  CHECK(has(Books::open_for_reading(tmp.path()).audit().findings,
            "line 2 of bill QV-2026/0002 was changed since it was written"));
}

TEST_CASE("A trigger replaced by one that lets rows change, or one added, is not citfee's") {
  TempBooks tmp;
  fill(tmp.path());
  REQUIRE(sqlite_exec(tmp.path(),
                      "DROP TRIGGER bill_never_changes; "
                      "CREATE TRIGGER bill_never_changes BEFORE UPDATE ON bill "
                      "BEGIN SELECT 1; END; "
                      "CREATE TRIGGER bill_audit AFTER INSERT ON bill "
                      "BEGIN SELECT 1; END;") == SQLITE_OK);
  const BooksAudit a = Books::open_for_reading(tmp.path()).audit();
  INFO(all(a.findings));
  CHECK(has(a.findings, "trigger bill_never_changes is not citfee's: it was replaced"));
  CHECK(has(a.findings, "trigger bill_audit is not citfee's: it was added"));
  CHECK(a.findings.size() == 2);
}
