#include "cli/output_guard.hpp"

#include <sys/stat.h>

#include <fmt/format.h>

#include "core/error.hpp"
#include "output/input_guard.hpp"

namespace citfee::cli {

namespace {

bool same_file(const struct stat& a, const std::string& path) {
  struct stat b {};
  return ::stat(path.c_str(), &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

}  // namespace

void refuse_output_over_input(const CLI::App& command) {
  const CLI::Option* output = command.get_option_no_throw("--output");
  if (!output || output->count() == 0) return;
  const std::string out = output->as<std::string>();
  struct stat out_stat {};
  if (out == "-" || ::stat(out.c_str(), &out_stat) != 0 || !S_ISREG(out_stat.st_mode)) return;
  for (const CLI::Option* option : command.get_options()) {
    if (option == output) continue;
    for (const std::string& value : option->results()) {
      if (!same_file(out_stat, value)) continue;
      throw Error(Failure::kBadUsage,
                  fmt::format("-o {} is also the input {} {}: the report would replace it; "
                              "write the report to another file",
                              out, option->get_name(), value));
    }
  }
}

void guard_inputs(const CLI::App& command) {
  for (const CLI::Option* option : command.get_options()) {
    const std::string name = option->get_name();
    // The outputs: the report, and the folder the letters go to.
    if (name == "--output" || name == "--statements") continue;
    for (const std::string& value : option->results()) {
      guard_input(!option->nonpositional() ? value : fmt::format("{} {}", name, value), value);
    }
  }
}

}  // namespace citfee::cli
