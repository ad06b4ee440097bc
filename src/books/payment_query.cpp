// The SQL of payments and reminders (schema version 2).
#include <sqlite3.h>

#include <fmt/format.h>

#include "books/query.hpp"
#include "core/error.hpp"

namespace citfee::books_query {

namespace {

constexpr std::string_view kSelectPayments =
    "SELECT p.id, p.date, p.amount, p.payer, p.tax_code, p.description, "
    "COALESCE(p.bank_id, ''), COALESCE(p.bill, ''), p.match, i.file, p.line "
    "FROM payment p JOIN payment_import i ON i.id = p.import ORDER BY p.id";

Payment payment_of_row(const Query& q, const std::string& path) {
  Payment p;
  p.id = payment_id(q.integer(0));
  p.date = q.date(1);
  p.amount = q.money(2);
  p.payer = q.text(3);
  p.tax_code = q.text(4);
  p.description = q.text(5);
  p.bank_id = q.text(6);
  p.bill = q.text(7);
  const auto match = parse_match(q.text(8));
  if (!match) {
    throw Error(Failure::kBadData,
                fmt::format("{}: payment {}: unknown match \"{}\"", path, p.id, q.text(8)));
  }
  p.match = *match;
  p.file = q.text(9);
  p.line = static_cast<int>(q.integer(10));
  return p;
}

}  // namespace

std::vector<Payment> all_payments(const Connection& conn) {
  std::vector<Payment> out;
  Query q(conn, kSelectPayments);
  while (q.step()) out.push_back(payment_of_row(q, conn.path()));
  return out;
}

std::string import_of_digest(const Connection& conn, const std::string& sha256) {
  Query q(conn, "SELECT file FROM payment_import WHERE sha256 = ?");
  q.bind(1, sha256);
  return q.step() ? q.text(0) : std::string();
}

void insert_payments(const Connection& conn, const InputRecord& file,
                     const std::string& imported_at, std::vector<Payment>& payments) {
  Query imp(conn, "INSERT INTO payment_import (file, sha256, imported_at) VALUES (?, ?, ?)");
  imp.bind(1, file.file).bind(2, file.sha256).bind(3, imported_at).run();
  const std::int64_t import_id = sqlite3_last_insert_rowid(conn.db());
  Query q(conn,
          "INSERT INTO payment (import, line, date, amount, payer, tax_code, description, "
          "bank_id, bill, match) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (Payment& p : payments) {
    q.reset();
    q.bind(1, import_id)
        .bind(2, std::int64_t{p.line})
        .bind(3, p.date.iso())
        .bind(4, std::string_view(p.amount.to_string()))
        .bind(5, p.payer)
        .bind(6, p.tax_code)
        .bind(7, p.description)
        .bind_text_or_null(8, p.bank_id)
        .bind_text_or_null(9, p.bill)
        .bind(10, match_name(p.match))
        .run();
    p.id = payment_id(sqlite3_last_insert_rowid(conn.db()));
  }
}

void update_match(const Connection& conn, std::int64_t payment, const std::string& bill,
                  Match match) {
  Query q(conn, "UPDATE payment SET bill = ?, match = ? WHERE id = ?");
  q.bind_text_or_null(1, bill).bind(2, match_name(match)).bind(3, payment).run();
}

std::vector<Reminder> all_reminders(const Connection& conn) {
  std::vector<Reminder> out;
  Query q(conn,
          "SELECT bill, count, date, outstanding, new_due FROM reminder ORDER BY bill, count");
  while (q.step()) {
    out.push_back({q.text(0), static_cast<int>(q.integer(1)), q.date(2), q.money(3), q.date(4)});
  }
  return out;
}

void insert_reminder(const Connection& conn, const Reminder& r) {
  Query q(conn,
          "INSERT INTO reminder (bill, count, date, outstanding, new_due) VALUES (?, ?, ?, ?, ?)");
  q.bind(1, r.bill)
      .bind(2, std::int64_t{r.count})
      .bind(3, r.date.iso())
      .bind(4, std::string_view(r.outstanding.to_string()))
      .bind(5, r.new_due.iso())
      .run();
}

}  // namespace citfee::books_query
