// Writing outputs that are complete or absent: a file replaced in one
// rename, or standard output.
#pragma once

#include <string>

namespace citfee {

// Writes `data` to `path` through a temporary file in the same directory,
// renamed into place only when all of it was written. Throws Error(kCannotWrite).
void write_file_atomically(const std::string& path, const std::string& data);

// Writes `data` to standard output and flushes. Throws Error(kCannotWrite).
void write_stdout(const std::string& data);

bool stdout_is_terminal();
// Whether `path` names a terminal (/dev/tty); false for anything else.
bool is_terminal(const std::string& path);

}  // namespace citfee
