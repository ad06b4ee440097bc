// The books' schema, one step per version: PRAGMA user_version says how many
// steps a file has had, and opening it for writing applies the rest.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace citfee::books_schema {

const std::vector<std::string_view>& migrations();

// A table or trigger the steps make, with the statement that makes it (for a
// trigger, as SQLite keeps it in sqlite_master, without the final `;`).
struct SchemaObject {
  std::string name;
  std::string sql;
};

// What books of schema `version` have, read from the steps up to it.
std::vector<SchemaObject> tables(int version);
std::vector<SchemaObject> triggers(int version);

}  // namespace citfee::books_schema
