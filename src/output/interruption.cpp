#include "output/interruption.hpp"

#include <signal.h>

#include <csignal>

namespace citfee {

namespace {

// The only state a signal handler may touch.
volatile std::sig_atomic_t open_windows = 0;
volatile std::sig_atomic_t pending = 0;

constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP};

void on_signal(int signal) {
  if (open_windows > 0) {
    pending = signal;
    return;
  }
  // Nothing to take back: the usual end, by the default action.
  std::signal(signal, SIG_DFL);
  std::raise(signal);
}

}  // namespace

void install_signal_handlers() {
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  for (int s : kSignals) sigaddset(&action.sa_mask, s);
  action.sa_flags = SA_RESTART;
  for (int s : kSignals) {
    struct sigaction old {};
    // A signal ignored by the parent (nohup) stays ignored.
    if (sigaction(s, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;
    sigaction(s, &action, nullptr);
  }
}

CleanupWindow::CleanupWindow() {
  open_windows = open_windows + 1;
}

CleanupWindow::~CleanupWindow() {
  open_windows = open_windows - 1;
}

void check_interrupted() {
  if (pending != 0) throw Interrupted(pending);
}

void raise_pending_signal() {
  const int signal = pending;
  if (signal == 0) return;
  std::signal(signal, SIG_DFL);
  std::raise(signal);
}

}  // namespace citfee
