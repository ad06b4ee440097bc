// The books' SQLite adapter: what is issued reads back whole, numbers are
// gapless, nothing is kept without commit, and an issued bill cannot change.
#include <catch2/catch.hpp>

#include <sqlite3.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "books/books.hpp"
#include "core/error.hpp"

using namespace citfee;

namespace {

struct TempBooks {
  std::filesystem::path dir;
  TempBooks() {
    char pattern[] = "/tmp/citfee-books-XXXXXX";
    REQUIRE(mkdtemp(pattern));
    dir = pattern;
  }
  ~TempBooks() { std::filesystem::remove_all(dir); }
  std::string path() const { return (dir / "registro.db").string(); }
};

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
    Books books = Books::open_for_writing(tmp.path());
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
    Books books = Books::open_for_writing(tmp.path());
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
    Books books = Books::open_for_writing(tmp.path());
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
  { Books::open_for_writing(tmp.path()).commit(); }
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
  Books first = Books::open_for_writing(tmp.path());
  try {
    Books::open_for_writing(tmp.path());
    FAIL("two writers at once");
  } catch (const Error& e) {
    CHECK(e.failure() == Failure::kTempFail);
    CHECK(std::string(e.what()).find("in use") != std::string::npos);
  }
}
