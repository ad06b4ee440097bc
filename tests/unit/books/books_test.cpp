// The books' SQLite adapter: what is issued reads back whole, numbers are
// gapless, nothing is kept without commit, and an issued bill cannot change.
#include <catch2/catch.hpp>

#include <sqlite3.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "books/books.hpp"
#include "books/temp_books.hpp"
#include "core/error.hpp"

using namespace citfee;

namespace {

IssuedBill semester_bill(const std::string& id, const std::string& period, const char* amount) {
  IssuedBill b;
  b.kind = BillKind::kSemester;
  b.period = period;
  b.reference = "CIT-QV-" + period + "-" + id;
  b.entity_id = id;
  b.name = "Comune di Prova «è»";
  b.tax_code = "00848860175";
  b.pec = "protocollo@pec.comune.prova.bs.it";
  b.date = Date{2026, 8, 10};
  b.due = Date{2026, 7, 31};
  b.tariff = "cit-2026";
  BillLine used;
  used.service = "telemaco";
  used.period = period;
  used.quantity = 300;
  used.free = 270;
  used.billable = 30;
  used.unit_price = Money::parse("0.70");
  used.amount = Money::parse("21.00");
  BillLine settled;
  settled.service = "conguaglio";
  settled.period = "2026-H1";
  settled.billed_before = Money::parse("1.5");
  settled.correct = Money::parse("0.175");
  settled.amount = Money::parse(amount);
  b.lines = {used, settled};
  b.total = used.amount + settled.amount;
  return b;
}

// What version 3 added, taken away again: books as a citfee of version 2
// left them.
constexpr const char* kBackToVersion2 =
    "DROP TABLE chain; DROP TRIGGER run_never_changes; DROP TRIGGER run_never_deleted; "
    "DROP TRIGGER run_input_never_changes; DROP TRIGGER run_input_never_deleted; "
    "DROP TRIGGER payment_import_never_changes; DROP TRIGGER payment_import_never_deleted; "
    "PRAGMA user_version = 2;";

int sqlite_exec(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  const int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
  sqlite3_close(db);
  return rc;
}

}  // namespace

TEST_CASE("Issued bills read back exactly as they were issued") {
  TempBooks tmp;
  {
    Books books = Books::open_for_issuing(tmp.path());
    std::vector<IssuedBill> bills{semester_bill("017001", "2026-H2", "-1.325")};
    books.issue(bills, {{"consumi.csv", "ab12"}}, "semester 2026-H2");
    CHECK(bills[0].number == "QV-2026/0001");
    books.commit();
  }
  const std::vector<IssuedBill> read = Books::open_for_reading(tmp.path()).bills();
  REQUIRE(read.size() == 1);
  const IssuedBill& b = read[0];
  const IssuedBill want = semester_bill("017001", "2026-H2", "-1.325");
  CHECK(b.number == "QV-2026/0001");
  CHECK(b.reference == want.reference);
  CHECK(b.name == want.name);
  CHECK(b.pec == want.pec);
  CHECK(b.date == want.date);
  CHECK(b.due == want.due);
  CHECK(b.total == Money::parse("19.675"));
  REQUIRE(b.lines.size() == 2);
  CHECK(b.lines[0].quantity == 300);
  CHECK(b.lines[0].unit_price == Money::parse("0.70"));
  CHECK_FALSE(b.lines[0].billed_before);
  CHECK_FALSE(b.lines[1].quantity);
  CHECK(b.lines[1].billed_before == Money::parse("1.5"));
  CHECK(b.lines[1].correct == Money::parse("0.175"));
  CHECK(b.lines[1].amount == Money::parse("-1.325"));
}

TEST_CASE("Numbers are gapless per series and year, and a rolled-back run uses none") {
  TempBooks tmp;
  {
    Books books = Books::open_for_issuing(tmp.path());
    std::vector<IssuedBill> bills{semester_bill("017001", "2026-H1", "0"),
                                  semester_bill("017002", "2026-H1", "0")};
    books.issue(bills, {}, "semester 2026-H1");
    books.commit();
  }
  {
    Books books = Books::open_for_writing(tmp.path());
    std::vector<IssuedBill> bills{semester_bill("017003", "2026-H2", "0")};
    books.issue(bills, {}, "semester 2026-H2");
    CHECK(bills[0].number == "QV-2026/0003");
    // no commit: the run failed
  }
  Books books = Books::open_for_writing(tmp.path());
  std::vector<IssuedBill> bills{semester_bill("017003", "2026-H2", "0"),
                                semester_bill("017004", "2027-H1", "0")};
  books.issue(bills, {}, "semester");
  CHECK(bills[0].number == "QV-2026/0003");
  CHECK(bills[1].number == "QV-2027/0001");
  books.commit();
  CHECK(books.bills().size() == 4);
}

TEST_CASE("An issued bill can be neither changed nor deleted, even by hand") {
  TempBooks tmp;
  {
    Books books = Books::open_for_issuing(tmp.path());
    std::vector<IssuedBill> bills{semester_bill("017001", "2026-H1", "0")};
    books.issue(bills, {}, "semester 2026-H1");
    books.commit();
  }
  CHECK(sqlite_exec(tmp.path(), "UPDATE bill SET total = '0.00'") == SQLITE_CONSTRAINT);
  CHECK(sqlite_exec(tmp.path(), "DELETE FROM bill_line") == SQLITE_CONSTRAINT);
  CHECK(sqlite_exec(tmp.path(), "DELETE FROM bill") == SQLITE_CONSTRAINT);
  CHECK(Books::open_for_reading(tmp.path()).bills().at(0).lines.size() == 2);
}

TEST_CASE("Books that are missing, not SQLite, or of a newer schema are refused") {
  TempBooks tmp;
  try {
    Books::open_for_reading(tmp.path());
    FAIL("opened missing books");
  } catch (const Error& e) {
    CHECK(e.failure() == Failure::kNoInput);
  }
  const std::string text = (tmp.dir / "enti.csv").string();
  REQUIRE(std::system(("printf 'id,name\\n017001,Acquafredda\\n' > " + text).c_str()) == 0);
  try {
    Books::open_for_writing(text);
    FAIL("opened a CSV file as books");
  } catch (const Error& e) {
    CHECK(e.failure() == Failure::kBadData);
  }
  { Books::open_for_issuing(tmp.path()).commit(); }
  REQUIRE(sqlite_exec(tmp.path(), "PRAGMA user_version = 99") == SQLITE_OK);
  try {
    Books::open_for_reading(tmp.path());
    FAIL("read books of a newer schema");
  } catch (const Error& e) {
    CHECK(e.failure() == Failure::kBadData);
    CHECK(std::string(e.what()).find("newer citfee") != std::string::npos);
  }
}

TEST_CASE("A second writer waits, then is told the books are in use") {
  TempBooks tmp;
  Books first = Books::open_for_issuing(tmp.path());
  // The wait is CITFEE_BUSY_TIMEOUT_MS: a tenth of a second here, not 5 s.
  REQUIRE(setenv("CITFEE_BUSY_TIMEOUT_MS", "100", 1) == 0);
  try {
    Books::open_for_writing(tmp.path());
    FAIL("two writers at once");
  } catch (const Error& e) {
    CHECK(e.failure() == Failure::kTempFail);
    CHECK(std::string(e.what()).find("in use") != std::string::npos);
    CHECK(std::string(e.what()).find("waited 100 ms") != std::string::npos);
  }
  REQUIRE(setenv("CITFEE_BUSY_TIMEOUT_MS", "a while", 1) == 0);
  try {
    Books::open_for_writing(tmp.path());
    FAIL("a wait that is not a number");
  } catch (const Error& e) {
    CHECK(e.failure() == Failure::kBadUsage);
  }
  unsetenv("CITFEE_BUSY_TIMEOUT_MS");
}

namespace {

Payment received(const char* amount, const std::string& bank_id, const std::string& bill) {
  Payment p;
  p.date = Date{2027, 3, 10};
  p.amount = Money::parse(amount);
  p.payer = "Comune di Prova «è»";
  p.tax_code = "00848860175";
  p.description = "CIT-QV-2026-H2-017001";
  p.bank_id = bank_id;
  p.bill = bill;
  p.match = bill.empty() ? Match::kNone : Match::kReference;
  p.line = 7;
  return p;
}

}  // namespace

TEST_CASE("Payments and reminders read back, and only a payment's match may change") {
  TempBooks tmp;
  {
    Books books = Books::open_for_issuing(tmp.path());
    std::vector<IssuedBill> bills{semester_bill("017001", "2026-H2", "0.00")};
    books.issue(bills, {}, "semester 2026-H2");
    std::vector<Payment> payments{received("21.00", "TX1", "QV-2026/0001"),
                                  received("0.005", "", "")};
    books.import_payments({"tesoreria.csv", "digest-1"}, payments);
    CHECK(payments[0].id == "P-000001");
    CHECK(payments[1].id == "P-000002");
    books.set_match("P-000002", "QV-2026/0001", Match::kHand);
    books.record_reminder({"QV-2026/0001", 1, {2027, 5, 10}, Money::parse("21.00"), {2027, 6, 9}});
    books.commit();
  }
  const Books books = Books::open_for_reading(tmp.path());
  const std::vector<Payment> read = books.payments();
  REQUIRE(read.size() == 2);
  CHECK(read[0].amount == Money::parse("21.00"));
  CHECK(read[0].payer == "Comune di Prova «è»");
  CHECK(read[0].bank_id == "TX1");
  CHECK(read[0].file == "tesoreria.csv");
  CHECK(read[0].line == 7);
  CHECK(read[0].match == Match::kReference);
  CHECK(read[1].amount == Money::parse("0.005"));  // exact, never a double
  CHECK(read[1].bank_id.empty());
  CHECK(read[1].bill == "QV-2026/0001");
  CHECK(read[1].match == Match::kHand);
  CHECK(books.imported_as("digest-1") == "tesoreria.csv");
  CHECK(books.imported_as("digest-2").empty());
  const std::vector<Reminder> reminders = books.reminders();
  REQUIRE(reminders.size() == 1);
  CHECK(reminders[0].count == 1);
  CHECK(reminders[0].new_due == Date{2027, 6, 9});
  CHECK(sqlite_exec(tmp.path(), "UPDATE payment SET amount = '1.00'") == SQLITE_CONSTRAINT);
  CHECK(sqlite_exec(tmp.path(), "DELETE FROM payment") == SQLITE_CONSTRAINT);
  CHECK(sqlite_exec(tmp.path(), "DELETE FROM reminder") == SQLITE_CONSTRAINT);
  CHECK(sqlite_exec(tmp.path(), "UPDATE payment SET bill = NULL, match = 'none' WHERE id = 2") ==
        SQLITE_OK);
  // A match without a bill, or a bill without a match, is refused.
  CHECK(sqlite_exec(tmp.path(), "UPDATE payment SET match = 'hand' WHERE id = 2") ==
        SQLITE_CONSTRAINT);
}

TEST_CASE("A bank id and a file's content are recorded once") {
  TempBooks tmp;
  Books books = Books::open_for_issuing(tmp.path());
  std::vector<Payment> first{received("1.00", "TX1", "")};
  books.import_payments({"a.csv", "same"}, first);
  std::vector<Payment> again{received("1.00", "TX2", "")};
  CHECK_THROWS_AS(books.import_payments({"b.csv", "same"}, again), Error);
  std::vector<Payment> twice{received("1.00", "TX1", "")};
  CHECK_THROWS_AS(books.import_payments({"c.csv", "other"}, twice), Error);
}

TEST_CASE("Books of schema version 1 are read as they are, and brought up to date by a writer") {
  TempBooks tmp;
  {
    Books books = Books::open_for_issuing(tmp.path());
    books.commit();
  }
  // As a citfee before payments left them.
  REQUIRE(sqlite_exec(tmp.path(),
                      (std::string(kBackToVersion2) +
                       "DROP TABLE reminder; DROP TABLE payment; DROP TABLE payment_import; "
                       "PRAGMA user_version = 1")
                          .c_str()) == SQLITE_OK);
  CHECK(Books::open_for_reading(tmp.path()).payments().empty());
  CHECK(Books::open_for_reading(tmp.path()).reminders().empty());
  {
    Books books = Books::open_for_writing(tmp.path());
    std::vector<Payment> p{received("1.00", "TX1", "")};
    books.import_payments({"a.csv", "d"}, p);
    books.commit();
  }
  CHECK(Books::open_for_reading(tmp.path()).payments().size() == 1);
}
