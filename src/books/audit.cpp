// citfee verify: every check of the books' soundness, each problem found a
// sentence. The books are read as text wherever they might have been
// changed by hand, so that damage is a finding rather than the end of the run.
#include <sqlite3.h>

#include <map>
#include <set>

#include <fmt/format.h>

#include "books/books.hpp"
#include "books/chain.hpp"
#include "books/query.hpp"
#include "books/schema.hpp"
#include "core/error.hpp"
#include "core/issued_bill.hpp"
#include "core/payment.hpp"

namespace citfee {

namespace {

using books_query::Query;

// SQLite keeps a statement as it was given, but for the spaces after its
// first keywords: spaces are not compared.
std::string squeezed(std::string_view sql) {
  std::string out;
  bool space = false;
  for (const char c : sql) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::map<std::string, std::string> schema_of(const Connection& conn, std::string_view type) {
  std::map<std::string, std::string> out;
  Query q(conn, "SELECT name, COALESCE(sql, '') FROM sqlite_master WHERE type = ?");
  q.bind(1, type);
  while (q.step()) out[q.text(0)] = q.text(1);
  return out;
}

// Each table of the version must be there; the rest of the checks read them.
bool check_tables(const Connection& conn, int version, std::vector<std::string>& findings) {
  const auto present = schema_of(conn, "table");
  bool all = true;
  for (const auto& table : books_schema::tables(version)) {
    if (!present.count(table.name)) {
      findings.push_back(fmt::format("table {} is missing", table.name));
      all = false;
    }
  }
  return all;
}

// A trigger dropped, or replaced by one that lets rows change, is found here.
void check_triggers(const Connection& conn, int version, std::vector<std::string>& findings) {
  auto present = schema_of(conn, "trigger");
  for (const auto& trigger : books_schema::triggers(version)) {
    const auto it = present.find(trigger.name);
    if (it == present.end()) {
      findings.push_back(
          fmt::format("trigger {} is missing: the rows it guards can be changed", trigger.name));
      continue;
    }
    if (squeezed(it->second) != squeezed(trigger.sql)) {
      findings.push_back(fmt::format("trigger {} is not citfee's: it was replaced", trigger.name));
    }
    present.erase(it);
  }
  for (const auto& [name, sql] : present)
    findings.push_back(fmt::format("trigger {} is not citfee's: it was added", name));
}

// Numbers gapless from 1 in each series and year, each once, and each
// bill's number the one its series, year and sequence make.
void check_series(const Connection& conn, std::vector<std::string>& findings) {
  Query q(conn, "SELECT series, year, sequence, number FROM bill ORDER BY series, year, sequence");
  std::string series;
  std::int64_t year = 0, last = 0;
  bool first = true;
  while (q.step()) {
    const std::string s = q.text(0);
    const std::int64_t y = q.integer(1), n = q.integer(2);
    const std::string number = q.text(3);
    if (first || s != series || y != year) {
      series = s;
      year = y;
      last = 0;
      first = false;
    }
    const std::string name = fmt::format("{}-{}", series, year);
    if (n == last) {
      findings.push_back(fmt::format("series {}: number {} is given twice", name, n));
    } else if (n == last + 2) {
      findings.push_back(fmt::format("series {}: number {} is missing", name, last + 1));
    } else if (n > last + 2) {
      findings.push_back(
          fmt::format("series {}: numbers {} to {} are missing", name, last + 1, n - 1));
    }
    if (n > 0 && n < 1'000'000 && y > 0 && y < 10'000 &&
        number != bill_number(Series{series, static_cast<int>(year)}, static_cast<int>(n))) {
      findings.push_back(fmt::format("bill {}: its number is not that of series {}, sequence {}",
                                     number, name, n));
    }
    last = n;
  }
}

std::optional<Money> amount(const std::string& text) {
  try {
    return Money::parse(text);
  } catch (const ValueError&) {
    return std::nullopt;
  } catch (const OverflowError&) {
    return std::nullopt;
  }
}

// Each bill's total is the sum of its lines; every line belongs to a bill.
void check_totals(const Connection& conn, std::vector<std::string>& findings) {
  std::map<std::string, std::optional<Money>> sums;  // none: a line's amount is not one
  std::map<std::string, std::size_t> lines;
  {
    Query q(conn, "SELECT number, position, amount FROM bill_line ORDER BY number, position");
    while (q.step()) {
      const std::string number = q.text(0);
      auto [it, fresh] = sums.try_emplace(number, Money());
      ++lines[number];
      const std::optional<Money> a = amount(q.text(2));
      if (!a) {
        findings.push_back(fmt::format("line {} of bill {}: amount \"{}\" is not an amount",
                                       q.integer(1), number, q.text(2)));
        it->second.reset();
      } else if (it->second) {
        try {
          *it->second += *a;
        } catch (const OverflowError&) {
          it->second.reset();
        }
      }
    }
  }
  Query q(conn, "SELECT number, total FROM bill ORDER BY series, year, sequence");
  std::set<std::string> bills;
  while (q.step()) {
    const std::string number = q.text(0);
    bills.insert(number);
    const std::optional<Money> total = amount(q.text(1));
    if (!total) {
      findings.push_back(fmt::format("bill {}: total \"{}\" is not an amount", number, q.text(1)));
      continue;
    }
    // A bill of nothing used has no lines: its total is 0.
    const auto it = sums.find(number);
    const std::optional<Money> sum = it == sums.end() ? std::optional<Money>(Money()) : it->second;
    if (sum && *sum != *total) {
      findings.push_back(fmt::format("bill {}: total {} differs from the sum of its {} line(s), {}",
                                     number, total->to_string(), lines[number], sum->to_string()));
    }
  }
  for (const auto& [number, sum] : sums) {
    if (!bills.count(number))
      findings.push_back(fmt::format("bill {}: its lines are there, the bill is not", number));
  }
}

// Every row names what it belongs to: the run of a bill and of an input, the
// import of a payment, the bill a payment pays or a reminder reminds.
void check_references(const Connection& conn, int version, std::vector<std::string>& findings) {
  {
    Query q(conn,
            "SELECT number, run FROM bill b WHERE NOT EXISTS (SELECT 1 FROM run r WHERE r.id = "
            "b.run) ORDER BY series, year, sequence");
    while (q.step()) {
      findings.push_back(
          fmt::format("bill {}: the record of its run ({}) is missing", q.text(0), q.integer(1)));
    }
  }
  {
    Query q(conn,
            "SELECT DISTINCT run FROM run_input i WHERE NOT EXISTS (SELECT 1 FROM run r WHERE "
            "r.id = i.run) ORDER BY run");
    while (q.step()) {
      findings.push_back(
          fmt::format("inputs of run {}: the record of the run is missing", q.integer(0)));
    }
  }
  if (version < 2) return;
  {
    Query q(conn,
            "SELECT id, import FROM payment p WHERE NOT EXISTS (SELECT 1 FROM payment_import i "
            "WHERE i.id = p.import) ORDER BY id");
    while (q.step()) {
      findings.push_back(fmt::format("payment {}: its import record (payments file {}) is missing",
                                     payment_id(q.integer(0)), q.integer(1)));
    }
  }
  {
    Query q(conn,
            "SELECT id, bill FROM payment p WHERE bill IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
            "bill b WHERE b.number = p.bill) ORDER BY id");
    while (q.step()) {
      findings.push_back(fmt::format("payment {}: it pays bill {}, which is not in the books",
                                     payment_id(q.integer(0)), q.text(1)));
    }
  }
  {
    Query q(conn,
            "SELECT bill, count FROM reminder r WHERE NOT EXISTS (SELECT 1 FROM bill b WHERE "
            "b.number = r.bill) ORDER BY bill, count");
    while (q.step()) {
      findings.push_back(fmt::format("reminder {} of bill {}: the bill is not in the books",
                                     q.integer(1), q.text(0)));
    }
  }
}

// What each payment is allocated to may not exceed its amount. Today a
// payment pays at most one bill, whole (its `bill` column): nothing can
// exceed it, and there is nothing to add up. When a payment may be split
// over several bills (a table of allocations), their sum per payment is
// compared with its amount here. What is checked now is that each amount
// reads as one.
void check_allocations(const Connection& conn, std::vector<std::string>& findings) {
  Query q(conn, "SELECT id, amount FROM payment ORDER BY id");
  while (q.step()) {
    if (!amount(q.text(1))) {
      findings.push_back(fmt::format("payment {}: amount \"{}\" is not an amount",
                                     payment_id(q.integer(0)), q.text(1)));
    }
  }
}

std::size_t count(const Connection& conn, std::string_view table) {
  Query q(conn, fmt::format("SELECT COUNT(*) FROM {}", table));
  q.step();
  return static_cast<std::size_t>(q.integer(0));
}

}  // namespace

BooksAudit Books::audit() const {
  BooksAudit a;
  const int known = static_cast<int>(books_schema::migrations().size());
  if (version_ < known) {
    a.notes.push_back(fmt::format(
        "books of schema version {}: brought up to version {} (with the chain) by the next run "
        "that writes them; checked as they are",
        version_, known));
  }
  if (!check_tables(conn_, version_, a.findings)) return a;
  check_triggers(conn_, version_, a.findings);
  check_series(conn_, a.findings);
  check_totals(conn_, a.findings);
  check_references(conn_, version_, a.findings);
  a.bills = count(conn_, "bill");
  if (has_payments()) {
    check_allocations(conn_, a.findings);
    a.payments = count(conn_, "payment");
    a.reminders = count(conn_, "reminder");
  }
  if (has_chain()) {
    const std::vector<books_chain::Link> links = books_chain::audit(conn_, a.findings);
    a.links = links.size();
    if (!links.empty()) a.tail = links.back().hash;
  }
  return a;
}

}  // namespace citfee
