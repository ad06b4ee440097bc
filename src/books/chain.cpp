#include "books/chain.hpp"

#include <glib.h>
#include <sqlite3.h>

#include <memory>

#include <fmt/format.h>

#include "books/query.hpp"
#include "core/error.hpp"
#include "core/payment.hpp"

namespace citfee::books_chain {

namespace {

struct Source {
  std::string_view name;
  // The row's columns through quote(), in the order of the schema; for a
  // payment, all but its match (bill, match).
  std::string_view columns;
  std::string_view where;
  bool positioned;  // the row is found by ref and position, not by ref alone
};

constexpr Source kSources[] = {
    {"bill",
     "number, series, year, sequence, reference, kind, period, entity_id, name, tax_code, pec, "
     "date, due_date, total, tariff, run",
     "number = ?1", false},
    {"bill_line",
     "number, position, service, period, quantity, free, billable, unit_price, allowance, "
     "used_before, method, population, population_year, population_source, band, coefficient, "
     "computed, billed_before, correct, amount",
     "number = ?1 AND position = ?2", true},
    {"payment", "id, import, line, date, amount, payer, tax_code, description, bank_id",
     "id = CAST(?1 AS INTEGER)", false},
    {"reminder", "bill, count, date, outstanding, new_due", "bill = ?1 AND count = ?2", true},
};

const Source& source_of(std::string_view name, const std::string& path) {
  for (const Source& s : kSources) {
    if (s.name == name) return s;
  }
  throw Error(Failure::kBadData, fmt::format("{}: a link of the chain names no table citfee "
                                             "knows: \"{}\"",
                                             path, name));
}

// quote(a) || ',' || quote(b) || ...: SQLite spells each value so that no
// two rows give the same text (NULL, 12, '12', 'it''s').
std::string content_sql(const Source& s) {
  std::string expr;
  std::string_view rest = s.columns;
  while (!rest.empty()) {
    const std::size_t comma = rest.find(',');
    std::string_view column = rest.substr(0, comma);
    while (!column.empty() && column.front() == ' ') column.remove_prefix(1);
    if (!expr.empty()) expr += " || ',' || ";
    expr += fmt::format("quote({})", column);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
  }
  return fmt::format("SELECT {} FROM {} WHERE {}", expr, s.name, s.where);
}

void insert_link(const Connection& conn, std::string_view source, const std::string& ref,
                 std::int64_t position, const std::string& hash) {
  books_query::Query q(conn, "INSERT INTO chain (source, ref, position, hash) VALUES (?, ?, ?, ?)");
  q.bind(1, source).bind(2, ref).bind(3, position).bind(4, hash).run();
}

Link link_of_row(const books_query::Query& q) {
  return {q.integer(0), q.text(1), q.text(2), q.integer(3), q.text(4)};
}

constexpr std::string_view kSelectLinks = "SELECT seq, source, ref, position, hash FROM chain";

}  // namespace

std::string link_hash(std::string_view previous, std::string_view source,
                      std::string_view content) {
  const std::string text = fmt::format("{}\n{}\n{}", previous, source, content);
  std::unique_ptr<gchar, void (*)(gpointer)> hex(
      g_compute_checksum_for_data(G_CHECKSUM_SHA256, reinterpret_cast<const guchar*>(text.data()),
                                  text.size()),
      g_free);
  return hex.get();
}

std::optional<std::string> row_content(const Connection& conn, std::string_view source,
                                       const std::string& ref, std::int64_t position) {
  const Source& s = source_of(source, conn.path());
  books_query::Query q(conn, content_sql(s));
  q.bind(1, ref);
  if (s.positioned) q.bind(2, position);
  if (!q.step()) return std::nullopt;
  return q.text(0);
}

std::string describe(std::string_view source, const std::string& ref, std::int64_t position) {
  if (source == "bill") return fmt::format("bill {}", ref);
  if (source == "bill_line") return fmt::format("line {} of bill {}", position, ref);
  if (source == "reminder") return fmt::format("reminder {} of bill {}", position, ref);
  if (source == "payment") {
    try {
      return fmt::format("payment {}", payment_id(std::stoll(ref)));
    } catch (const std::exception&) {
      return fmt::format("payment \"{}\"", ref);
    }
  }
  return fmt::format("{} {}", source, ref);
}

std::string append(const Connection& conn, const std::string& previous, std::string_view source,
                   const std::string& ref, std::int64_t position) {
  const std::optional<std::string> content = row_content(conn, source, ref, position);
  if (!content) {
    throw Error(Failure::kInternal, fmt::format("{}: {} was not written", conn.path(),
                                                describe(source, ref, position)));
  }
  std::string hash = link_hash(previous, source, *content);
  insert_link(conn, source, ref, position, hash);
  return hash;
}

std::string append_import(const Connection& conn, std::string previous, const std::string& sha256) {
  std::vector<std::string> ids;
  {
    books_query::Query q(conn,
                         "SELECT p.id FROM payment p JOIN payment_import i ON i.id = p.import "
                         "WHERE i.sha256 = ? ORDER BY p.id");
    q.bind(1, sha256);
    while (q.step()) ids.push_back(std::to_string(q.integer(0)));
  }
  for (const std::string& id : ids) previous = append(conn, previous, "payment", id, 0);
  return previous;
}

std::string link_existing(const Connection& conn) {
  std::string tail;
  // Collected first: no statement is kept open over the inserts.
  std::vector<std::string> bills, payments;
  std::vector<std::pair<std::string, std::int64_t>> reminders;
  {
    books_query::Query q(conn, "SELECT number FROM bill ORDER BY rowid");
    while (q.step()) bills.push_back(q.text(0));
  }
  {
    books_query::Query q(conn, "SELECT id FROM payment ORDER BY id");
    while (q.step()) payments.push_back(std::to_string(q.integer(0)));
  }
  {
    books_query::Query q(conn, "SELECT bill, count FROM reminder ORDER BY rowid");
    while (q.step()) reminders.emplace_back(q.text(0), q.integer(1));
  }
  for (const std::string& number : bills) {
    tail = append(conn, tail, "bill", number, 0);
    std::vector<std::int64_t> positions;
    {
      books_query::Query q(conn,
                           "SELECT position FROM bill_line WHERE number = ? ORDER BY position");
      q.bind(1, number);
      while (q.step()) positions.push_back(q.integer(0));
    }
    for (std::int64_t p : positions) tail = append(conn, tail, "bill_line", number, p);
  }
  for (const std::string& id : payments) tail = append(conn, tail, "payment", id, 0);
  for (const auto& [bill, count] : reminders) tail = append(conn, tail, "reminder", bill, count);
  return tail;
}

std::string checked_tail(const Connection& conn) {
  std::optional<Link> last;
  {
    books_query::Query q(conn, std::string(kSelectLinks) + " ORDER BY seq DESC LIMIT 1");
    if (q.step()) last = link_of_row(q);
  }
  if (!last) return {};
  // The hash of the link just before: a link deleted there leaves none.
  std::optional<std::string> previous;
  if (last->seq == 1) {
    previous = "";
  } else {
    books_query::Query q(conn, "SELECT hash FROM chain WHERE seq = ?");
    q.bind(1, last->seq - 1);
    if (q.step()) previous = q.text(0);
  }
  const std::optional<std::string> content =
      row_content(conn, last->source, last->ref, last->position);
  if (!previous || !content || link_hash(*previous, last->source, *content) != last->hash) {
    throw Error(
        Failure::kBadData,
        fmt::format("{}: the books were changed outside citfee: the last row written, {}, "
                    "no longer matches its link in the chain; nothing was written "
                    "(citfee verify --books {} lists what changed)",
                    conn.path(), describe(last->source, last->ref, last->position), conn.path()));
  }
  return last->hash;
}

std::vector<Link> audit(const Connection& conn, std::vector<std::string>& findings) {
  std::vector<Link> links;
  {
    books_query::Query q(conn, std::string(kSelectLinks) + " ORDER BY seq");
    while (q.step()) links.push_back(link_of_row(q));
  }
  std::string previous;
  std::int64_t expected = 1;
  for (const Link& link : links) {
    const std::string what = describe(link.source, link.ref, link.position);
    bool after_gap = false;
    if (link.seq != expected) {
      findings.push_back(link.seq == expected + 1
                             ? fmt::format("link {} of the chain is missing (deleted)", expected)
                             : fmt::format("links {} to {} of the chain are missing (deleted)",
                                           expected, link.seq - 1));
      after_gap = true;
    }
    expected = link.seq + 1;
    bool known = false;
    for (const Source& s : kSources) known = known || s.name == link.source;
    if (!known) {
      findings.push_back(fmt::format("link {} of the chain names no table citfee knows: \"{}\"",
                                     link.seq, link.source));
      previous = link.hash;
      continue;
    }
    const std::optional<std::string> content =
        row_content(conn, link.source, link.ref, link.position);
    if (!content) {
      findings.push_back(fmt::format("{} was deleted (link {} of the chain)", what, link.seq));
    } else if (!after_gap && link_hash(previous, link.source, *content) != link.hash) {
      findings.push_back(
          fmt::format("{} was changed since it was written (link {} of the chain "
                      "no longer matches)",
                      what, link.seq));
    }
    previous = link.hash;
  }
  // Rows written outside citfee have no link.
  constexpr std::string_view kUnlinked[][2] = {
      {"bill",
       "SELECT number, 0 FROM bill b WHERE NOT EXISTS (SELECT 1 FROM chain c WHERE "
       "c.source = 'bill' AND c.ref = b.number AND c.position = 0) ORDER BY rowid"},
      {"bill_line",
       "SELECT number, position FROM bill_line l WHERE NOT EXISTS (SELECT 1 FROM chain c WHERE "
       "c.source = 'bill_line' AND c.ref = l.number AND c.position = l.position) ORDER BY rowid"},
      {"payment",
       "SELECT id, 0 FROM payment p WHERE NOT EXISTS (SELECT 1 FROM chain c WHERE "
       "c.source = 'payment' AND c.ref = CAST(p.id AS TEXT) AND c.position = 0) "
       "ORDER BY id"},
      {"reminder",
       "SELECT bill, count FROM reminder r WHERE NOT EXISTS (SELECT 1 FROM chain c WHERE "
       "c.source = 'reminder' AND c.ref = r.bill AND c.position = r.count) ORDER BY rowid"},
  };
  for (const auto& [source, sql] : kUnlinked) {
    books_query::Query q(conn, sql);
    while (q.step()) {
      findings.push_back(fmt::format("{} has no link in the chain: it was added outside citfee",
                                     describe(source, q.text(0), q.integer(1))));
    }
  }
  return links;
}

}  // namespace citfee::books_chain
