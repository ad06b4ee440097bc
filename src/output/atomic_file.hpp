// Writing outputs that are complete or absent: a file replaced in one
// rename, or standard output.
#pragma once

#include <optional>
#include <string>

#include "output/interruption.hpp"

namespace citfee {

// Writes `data` to `path` through a temporary file in the same directory,
// renamed into place only when all of it was written. Throws Error(kCannotWrite).
void write_file_atomically(const std::string& path, const std::string& data);

// A file written whole under a temporary name now, and put in place by
// place() later: a run writes its report before the books' commit, when a
// failure can still leave everything as it was, and places it after. Never
// placed, the temporary file is removed. An empty path or "-" is standard
// output, and a device is written directly: both only at place().
class StagedFile {
 public:
  StagedFile(const std::string& path, std::string data);
  ~StagedFile();
  StagedFile(const StagedFile&) = delete;
  StagedFile& operator=(const StagedFile&) = delete;

  // Renames the file into place (or writes standard output). Throws
  // Error(kCannotWrite), the temporary file then removed.
  void place();

 private:
  std::string path_;
  std::string target_;
  std::string temp_;  // empty for standard output and devices
  std::string data_;  // kept for standard output and devices
  bool direct_ = false;
  bool placed_ = false;
  std::optional<CleanupWindow> window_;
};

// Writes `data` to standard output and flushes. Throws Error(kCannotWrite).
void write_stdout(const std::string& data);

bool stdout_is_terminal();
// Whether `path` names a terminal (/dev/tty); false for anything else.
bool is_terminal(const std::string& path);

}  // namespace citfee
