// Errors and diagnostics shared by the core, the adapters and the CLI.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace citfee {

// Thrown when an amount leaves the range of the fixed-point representation.
class OverflowError : public std::overflow_error {
 public:
  using std::overflow_error::overflow_error;
};

// Thrown when one value (a number, a date, a period) is malformed; the message
// says what is wrong and what would be right. Callers add the location.
class ValueError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// What kind of failure ends a run; the CLI maps each to an exit status.
enum class Failure {
  kBadUsage = 2,      // bad command line
  kBadData = 65,      // bad input data or tariff
  kNoInput = 66,      // input missing or unreadable
  kCannotWrite = 74,  // output could not be written
  kTempFail = 75,     // the books are in use by another run: try again
  kInternal = 70      // a fault of citfee or of its installation
};

class Error : public std::runtime_error {
 public:
  Error(Failure failure, const std::string& message)
      : std::runtime_error(message), failure_(failure) {}
  Failure failure() const { return failure_; }

 private:
  Failure failure_;
};

// Where a value came from: file name, line (1-based) and field (1-based; 0 if none).
struct Location {
  std::string file;
  int line = 0;
  int column = 0;
  bool column_letters = false;  // a spreadsheet's column: C rather than 3

  std::string str() const;  // enti.csv:14:4, enti.xlsx:Foglio1:14:C
};

// A spreadsheet's name of column `column` (1-based): A, …, Z, AA, …
std::string column_name(int column);

struct Diagnostic {
  Location where;
  std::string message;

  std::string str() const;  // enti.csv:14:4: message
};

// Problems found while reading inputs: every one is kept, not only the first,
// so a user fixes a file in one pass.
struct Diagnostics {
  std::vector<Diagnostic> errors;
  std::vector<Diagnostic> warnings;
  std::vector<Diagnostic> notes;  // how an input was read, when it matters

  void error(Location where, std::string message) {
    errors.push_back({std::move(where), std::move(message)});
  }
  void warning(Location where, std::string message) {
    warnings.push_back({std::move(where), std::move(message)});
  }
  void note(Location where, std::string message) {
    notes.push_back({std::move(where), std::move(message)});
  }
  bool ok() const { return errors.empty(); }
};

}  // namespace citfee
