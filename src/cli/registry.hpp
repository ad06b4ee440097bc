// The commands of citfee: one line each in registry.cpp. main, --help and
// the unknown-command message read this list.
#pragma once

#include <functional>
#include <string_view>
#include <vector>

#include "cli/flags.hpp"

namespace citfee::cli {

// What a command does once its options are parsed.
using Action = std::function<void()>;

struct Command {
  std::string_view name;
  // Adds the command and its options to `app`; returns what it runs.
  Action (*add)(CLI::App& app);
};

const std::vector<Command>& commands();

}  // namespace citfee::cli
