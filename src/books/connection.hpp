// The books' SQLite handle together with the path it was opened from: every
// message about the books names the file, so the two always travel as one.
#pragma once

#include <string>
#include <utility>

struct sqlite3;

namespace citfee {

// Owns the handle and closes it at the end; moved, never copied, so that one
// handle is closed once.
class Connection {
 public:
  Connection() = default;
  Connection(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  Connection(Connection&& other) noexcept;
  Connection& operator=(Connection&& other) noexcept;
  ~Connection();

  sqlite3* db() const { return db_; }
  const std::string& path() const { return path_; }

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
};

}  // namespace citfee
