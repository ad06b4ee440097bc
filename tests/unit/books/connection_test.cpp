// The books' connection: the handle and the path travel together, a query
// keeps the connection it was prepared on, and the handle is closed once.
#include <catch2/catch.hpp>

#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <type_traits>

#include "books/connection.hpp"
#include "books/query.hpp"
#include "core/error.hpp"

using namespace citfee;
using books_query::Query;

static_assert(!std::is_copy_constructible_v<Connection>);
static_assert(!std::is_copy_assignable_v<Connection>);
static_assert(std::is_nothrow_move_constructible_v<Connection>);
static_assert(std::is_nothrow_move_assignable_v<Connection>);
// A query of a connection made for it alone would outlive the connection.
static_assert(!std::is_constructible_v<Query, Connection, std::string_view>);
static_assert(std::is_constructible_v<Query, const Connection&, std::string_view>);

namespace {

struct TempFile {
  std::filesystem::path dir;
  TempFile() {
    char pattern[] = "/tmp/citfee-connection-XXXXXX";
    REQUIRE(mkdtemp(pattern));
    dir = pattern;
  }
  ~TempFile() { std::filesystem::remove_all(dir); }
  std::string path() const { return (dir / "registro.db").string(); }
};

Connection open(const std::string& path) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  return Connection(db, path);
}

}  // namespace

TEST_CASE("A query names the books' file from its connection, whatever string the path came from") {
  TempFile tmp;
  // The path is given as a temporary: the connection keeps its own copy.
  const Connection conn = open(std::string(tmp.path()));
  CHECK(conn.path() == tmp.path());
  Query q(conn, "SELECT 'not an amount'");
  REQUIRE(q.step());
  try {
    (void)q.money(0);
    FAIL("an amount that is not one was read");
  } catch (const Error& e) {
    CHECK(e.failure() == Failure::kBadData);
    CHECK(std::string(e.what()).rfind(tmp.path() + ": an amount in the books: ", 0) == 0);
  }
  try {
    Query bad(conn, "SELECT * FROM nowhere");
    FAIL("a statement on a missing table was prepared");
  } catch (const Error& e) {
    CHECK(e.failure() == Failure::kBadData);
    CHECK(std::string(e.what()).rfind(tmp.path() + ": ", 0) == 0);
  }
}

TEST_CASE("A connection moved keeps one handle, closed once") {
  TempFile tmp;
  Connection first = open(tmp.path());
  sqlite3* const db = first.db();
  Connection second = std::move(first);
  CHECK(first.db() == nullptr);
  CHECK(second.db() == db);
  CHECK(second.path() == tmp.path());
  Connection third;
  third = std::move(second);
  CHECK(second.db() == nullptr);
  CHECK(third.db() == db);
  Query q(third, "SELECT 41 + 1");
  REQUIRE(q.step());
  CHECK(q.integer(0) == 42);
}
