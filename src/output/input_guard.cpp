#include "output/input_guard.hpp"

#include <sys/stat.h>

#include <fmt/format.h>

#include "core/error.hpp"

namespace citfee {

namespace {

// One run, one command line: the inputs are process-wide, as the options are.
std::vector<GuardedInput>& guarded() {
  static std::vector<GuardedInput> inputs;
  return inputs;
}

}  // namespace

void guard_input(const std::string& named, const std::string& path) {
  struct stat st {};
  if (path.empty() || path == "-" || ::stat(path.c_str(), &st) != 0 || S_ISDIR(st.st_mode)) return;
  guarded().push_back({named, static_cast<unsigned long long>(st.st_dev),
                       static_cast<unsigned long long>(st.st_ino)});
}

void refuse_over_input(const std::string& target, const std::string& what) {
  struct stat st {};
  if (::stat(target.c_str(), &st) != 0) return;
  for (const GuardedInput& input : guarded()) {
    if (input.device != static_cast<unsigned long long>(st.st_dev) ||
        input.inode != static_cast<unsigned long long>(st.st_ino))
      continue;
    throw Error(Failure::kBadUsage,
                fmt::format("{} {} is also the input {}: writing it would replace that input; "
                            "nothing was written (give the output another name or folder)",
                            what, target, input.named));
  }
}

void clear_guarded_inputs() {
  guarded().clear();
}

}  // namespace citfee
