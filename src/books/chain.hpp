// The chain of the issued rows (schema version 3): each bill, bill line,
// payment and reminder has a link in the table `chain`, in the order it was
// written, whose hash covers the row and the link before. Used by books.cpp
// and audit.cpp only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "books/connection.hpp"

namespace citfee::books_chain {

// The first version of the schema with the chain.
constexpr int kVersion = 3;

// A row of the chain: `source` is the table, `ref` and `position` the row
// (a bill's number and 0; its number and a line's position; a payment's id
// and 0; a bill's number and a reminder's count).
struct Link {
  std::int64_t seq = 0;
  std::string source;
  std::string ref;
  std::int64_t position = 0;
  std::string hash;
};

// SHA-256 (hex) of "PREVIOUS\nSOURCE\nCONTENT": the link before's hash (empty
// for the first link), the table, and the row's columns as SQLite's quote()
// writes them, comma-separated, in the order of the schema. The columns of a
// payment's match are left out: they are the one thing that may change.
std::string link_hash(std::string_view previous, std::string_view source, std::string_view content);

// The row's content as link_hash() takes it; nothing if there is no such row.
std::optional<std::string> row_content(const Connection& conn, std::string_view source,
                                       const std::string& ref, std::int64_t position);

// "bill QV-2026/0001", "line 2 of bill QV-2026/0001", "payment P-000003",
// "reminder 1 of bill QV-2026/0001": a row as a finding names it.
std::string describe(std::string_view source, const std::string& ref, std::int64_t position);

// Adds the link of a row just written after the link of hash `previous`;
// returns its hash, the new tail.
std::string append(const Connection& conn, const std::string& previous, std::string_view source,
                   const std::string& ref, std::int64_t position);

// Adds the links of the payments of the file imported with digest `sha256`,
// in id order; returns the new tail.
std::string append_import(const Connection& conn, std::string previous, const std::string& sha256);

// Links every row of the books, in the order of their rowids (bills each with
// their lines, then payments, then reminders): the migration to version 3.
// Returns the tail.
std::string link_existing(const Connection& conn);

// The hash of the last link, checked against its row and the link before it:
// what every writer does before it writes. Throws kBadData when it does not
// match. Empty when there is no link yet.
std::string checked_tail(const Connection& conn);

// Every link in order, checked; and the rows that have no link. Each problem
// is a sentence added to `findings`. Returns the links read.
std::vector<Link> audit(const Connection& conn, std::vector<std::string>& findings);

}  // namespace citfee::books_chain
