#include "books/query.hpp"

#include <sqlite3.h>
#include <sys/stat.h>

#include <cstdlib>
#include <map>

#include <fmt/format.h>

#include "core/error.hpp"

namespace citfee::books_query {

int busy_timeout_ms() {
  constexpr int kDefault = 5000;
  // An hour is already far longer than any run holds the books.
  constexpr long kMost = 3'600'000;
  const char* value = std::getenv("CITFEE_BUSY_TIMEOUT_MS");
  if (!value || !*value) return kDefault;
  long ms = 0;
  for (const char* p = value; *p && ms <= kMost; ++p) {
    ms = *p < '0' || *p > '9' ? kMost + 1 : ms * 10 + (*p - '0');
  }
  if (ms > kMost) {
    throw Error(Failure::kBadUsage,
                fmt::format("CITFEE_BUSY_TIMEOUT_MS={}: write a whole number of milliseconds, up "
                            "to {}",
                            value, kMost));
  }
  return static_cast<int>(ms);
}

void busy(const std::string& path) {
  const int ms = busy_timeout_ms();
  const std::string waited =
      ms % 1000 == 0 ? fmt::format("{} s", ms / 1000) : fmt::format("{} ms", ms);
  throw Error(Failure::kTempFail,
              fmt::format("{}: the books are in use by another run of citfee (waited {}); try "
                          "again when it has finished",
                          path, waited));
}

void readonly(const std::string& path) {
  struct stat st {};
  if (::stat((path + "-journal").c_str(), &st) == 0) {
    throw Error(Failure::kNoInput,
                fmt::format("{}: a run that was writing the books was stopped and left {}-journal; "
                            "citfee takes back its unfinished changes when it may write {} and "
                            "its folder: run it again with that access",
                            path, path, path));
  }
  throw Error(Failure::kCannotWrite,
              fmt::format("{}: the books cannot be written (read-only)", path));
}

Query::Query(const Connection& conn, std::string_view sql) : conn_(&conn) {
  const int rc =
      sqlite3_prepare_v2(conn.db(), sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr);
  if (rc != SQLITE_OK) fail(rc);
}

Query::~Query() {
  sqlite3_finalize(stmt_);
}

void Query::fail(int rc) const {
  const std::string text = sqlite3_errmsg(conn_->db());
  if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) busy(conn_->path());
  if (rc == SQLITE_READONLY) readonly(conn_->path());
  if (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB || rc == SQLITE_ERROR) {
    throw Error(Failure::kBadData, fmt::format("{}: {}", conn_->path(), text));
  }
  throw Error(Failure::kCannotWrite, fmt::format("{}: {}", conn_->path(), text));
}

Query& Query::bind(int i, std::string_view text) {
  const int rc =
      sqlite3_bind_text(stmt_, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  if (rc != SQLITE_OK) fail(rc);
  return *this;
}

Query& Query::bind(int i, std::int64_t n) {
  const int rc = sqlite3_bind_int64(stmt_, i, n);
  if (rc != SQLITE_OK) fail(rc);
  return *this;
}

Query& Query::bind(int i, const std::optional<std::int64_t>& n) {
  if (n) return bind(i, *n);
  const int rc = sqlite3_bind_null(stmt_, i);
  if (rc != SQLITE_OK) fail(rc);
  return *this;
}

Query& Query::bind(int i, const std::optional<Money>& m) {
  if (m) return bind(i, std::string_view(m->to_string()));
  const int rc = sqlite3_bind_null(stmt_, i);
  if (rc != SQLITE_OK) fail(rc);
  return *this;
}

Query& Query::bind_text_or_null(int i, std::string_view text) {
  if (!text.empty()) return bind(i, text);
  const int rc = sqlite3_bind_null(stmt_, i);
  if (rc != SQLITE_OK) fail(rc);
  return *this;
}

bool Query::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  fail(rc);
}

void Query::run() {
  while (step()) {
  }
}

void Query::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::int64_t Query::integer(int column) const {
  return sqlite3_column_int64(stmt_, column);
}

std::optional<std::int64_t> Query::maybe_integer(int column) const {
  if (sqlite3_column_type(stmt_, column) == SQLITE_NULL) return std::nullopt;
  return integer(column);
}

std::string Query::text(int column) const {
  const unsigned char* p = sqlite3_column_text(stmt_, column);
  return p ? std::string(reinterpret_cast<const char*>(p),
                         static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
           : std::string();
}

// A value the books hold that does not read back is damage, not a bug.
Money Query::money(int column) const {
  try {
    return Money::parse(text(column));
  } catch (const ValueError& e) {
    throw Error(Failure::kBadData,
                fmt::format("{}: an amount in the books: {}", conn_->path(), e.what()));
  }
}

std::optional<Money> Query::maybe_money(int column) const {
  if (sqlite3_column_type(stmt_, column) == SQLITE_NULL) return std::nullopt;
  return money(column);
}

Date Query::date(int column) const {
  try {
    return parse_date(text(column));
  } catch (const ValueError& e) {
    throw Error(Failure::kBadData,
                fmt::format("{}: a date in the books: {}", conn_->path(), e.what()));
  }
}

namespace {

constexpr std::string_view kSelectBills =
    "SELECT number, reference, kind, period, entity_id, name, tax_code, pec, date, due_date, "
    "total, tariff FROM bill ORDER BY series, year, sequence";
constexpr std::string_view kSelectLines =
    "SELECT number, service, period, quantity, free, billable, unit_price, population, "
    "population_year, population_source, band, coefficient, computed, billed_before, correct, "
    "amount, allowance, used_before, method FROM bill_line ORDER BY number, position";

IssuedBill bill_of_row(const Query& q, const std::string& path) {
  IssuedBill b;
  b.number = q.text(0);
  b.reference = q.text(1);
  const auto kind = parse_kind(q.text(2));
  if (!kind)
    throw Error(Failure::kBadData, fmt::format("{}: bill {}: unknown kind", path, b.number));
  b.kind = *kind;
  b.period = q.text(3);
  b.entity_id = q.text(4);
  b.name = q.text(5);
  b.tax_code = q.text(6);
  b.pec = q.text(7);
  b.date = q.date(8);
  b.due = q.date(9);
  b.total = q.money(10);
  b.tariff = q.text(11);
  return b;
}

BillLine line_of_row(const Query& q) {
  BillLine l;
  l.service = q.text(1);
  l.period = q.text(2);
  l.quantity = q.maybe_integer(3);
  l.free = q.maybe_integer(4);
  l.billable = q.maybe_integer(5);
  l.unit_price = q.maybe_money(6);
  l.population = q.maybe_integer(7);
  if (auto y = q.maybe_integer(8)) l.population_year = static_cast<int>(*y);
  l.population_source = q.text(9);
  l.band = q.text(10);
  l.coefficient = q.maybe_money(11);
  l.computed = q.maybe_money(12);
  l.billed_before = q.maybe_money(13);
  l.correct = q.maybe_money(14);
  l.amount = q.money(15);
  l.allowance = q.maybe_integer(16);
  l.used_before = q.maybe_integer(17);
  l.method = q.text(18);
  return l;
}

}  // namespace

std::vector<IssuedBill> all_bills(const Connection& conn) {
  std::vector<IssuedBill> bills;
  std::map<std::string, std::size_t> index;
  Query q(conn, kSelectBills);
  while (q.step()) {
    index[q.text(0)] = bills.size();
    bills.push_back(bill_of_row(q, conn.path()));
  }
  Query lines(conn, kSelectLines);
  while (lines.step()) {
    const auto it = index.find(lines.text(0));
    if (it != index.end()) bills[it->second].lines.push_back(line_of_row(lines));
  }
  return bills;
}

int last_sequence(const Connection& conn, const Series& series) {
  Query q(conn, "SELECT COALESCE(MAX(sequence), 0) FROM bill WHERE series = ? AND year = ?");
  q.bind(1, series.prefix).bind(2, std::int64_t{series.year});
  q.step();
  return static_cast<int>(q.integer(0));
}

std::int64_t insert_run(const Connection& conn, std::string_view command,
                        const std::string& issued_at, const std::vector<InputRecord>& inputs) {
  Query run(conn, "INSERT INTO run (command, issued_at) VALUES (?, ?)");
  run.bind(1, command).bind(2, issued_at).run();
  const std::int64_t id = sqlite3_last_insert_rowid(conn.db());
  for (const InputRecord& input : inputs) {
    Query q(conn, "INSERT INTO run_input (run, file, sha256) VALUES (?, ?, ?)");
    q.bind(1, id).bind(2, input.file).bind(3, input.sha256).run();
  }
  return id;
}

namespace {

void insert_line(const Connection& conn, const std::string& number, int position,
                 const BillLine& l) {
  Query q(conn,
          "INSERT INTO bill_line (number, position, service, period, quantity, free, billable, "
          "unit_price, population, population_year, population_source, band, coefficient, "
          "computed, billed_before, correct, amount, allowance, used_before, method) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  std::optional<std::int64_t> year;
  if (l.population_year) year = *l.population_year;
  q.bind(1, number).bind(2, std::int64_t{position}).bind(3, l.service).bind(4, l.period);
  q.bind(5, l.quantity).bind(6, l.free).bind(7, l.billable).bind(8, l.unit_price);
  q.bind(9, l.population).bind(10, year).bind_text_or_null(11, l.population_source);
  q.bind_text_or_null(12, l.band).bind(13, l.coefficient).bind(14, l.computed);
  q.bind(15, l.billed_before).bind(16, l.correct);
  q.bind(17, std::string_view(l.amount.to_string()));
  q.bind(18, l.allowance).bind(19, l.used_before).bind_text_or_null(20, l.method).run();
}

}  // namespace

void insert_bill(const Connection& conn, const IssuedBill& b, const Series& series, int sequence,
                 std::int64_t run) {
  Query q(conn,
          "INSERT INTO bill (number, series, year, sequence, reference, kind, period, entity_id, "
          "name, tax_code, pec, date, due_date, total, tariff, run) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  q.bind(1, b.number).bind(2, series.prefix).bind(3, std::int64_t{series.year});
  q.bind(4, std::int64_t{sequence}).bind(5, b.reference).bind(6, kind_name(b.kind));
  q.bind(7, b.period).bind(8, b.entity_id).bind(9, b.name).bind(10, b.tax_code);
  q.bind(11, b.pec).bind(12, b.date.iso()).bind(13, b.due.iso());
  q.bind(14, std::string_view(b.total.to_string())).bind(15, b.tariff).bind(16, run).run();
  for (std::size_t i = 0; i < b.lines.size(); ++i)
    insert_line(conn, b.number, static_cast<int>(i + 1), b.lines[i]);
}

}  // namespace citfee::books_query
