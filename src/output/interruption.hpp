// INT, TERM and HUP while a run has files half made. In that window the
// signal waits for the next safe point, where the run throws Interrupted:
// unwinding takes back what it had written, and main then ends the process
// by the same signal. Outside the window the signals act as usual, at once.
#pragma once

#include <exception>

namespace citfee {

class Interrupted : public std::exception {
 public:
  explicit Interrupted(int signal) : signal_(signal) {}
  int signal() const { return signal_; }
  const char* what() const noexcept override { return "interrupted by a signal"; }

 private:
  int signal_;
};

// Installs the handlers; once, at the start of main.
void install_signal_handlers();

// While one lives, INT, TERM and HUP wait for check_interrupted().
class CleanupWindow {
 public:
  CleanupWindow();
  ~CleanupWindow();
  CleanupWindow(const CleanupWindow&) = delete;
  CleanupWindow& operator=(const CleanupWindow&) = delete;
};

// A safe point: throws Interrupted if a signal came while a window was open.
void check_interrupted();

// Ends the process by the signal that came, if one did, as the signal would
// have; returns otherwise.
void raise_pending_signal();

}  // namespace citfee
