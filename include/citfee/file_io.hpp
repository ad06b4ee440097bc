// Reading inputs and writing outputs: whole files, standard streams, and
// outputs that are complete or absent.
#pragma once

#include <string>

namespace citfee {

// Reads a whole file, or standard input for "-". Throws Error(kNoInput) with
// the reason when it is missing or unreadable.
std::string read_input(const std::string& path);

// The name to show for an input path in messages.
std::string display_name(const std::string& path);

// Writes `data` to `path` through a temporary file in the same directory,
// renamed into place only when all of it was written. Throws Error(kCannotWrite).
void write_file_atomically(const std::string& path, const std::string& data);

// Writes `data` to standard output and flushes. Throws Error(kCannotWrite).
void write_stdout(const std::string& data);

bool stdout_is_terminal();
// Whether `path` names a terminal (/dev/tty); false for anything else.
bool is_terminal(const std::string& path);

}  // namespace citfee
