#include "input/read_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>

#include "core/error.hpp"

namespace citfee {

namespace {

constexpr std::size_t kDefaultLimitMib = 64;

// The largest input read whole, in MiB: CITFEE_MAX_INPUT_MIB, or 64. An
// entities file of every Comune of Italy is under 1 MiB; the limit is there
// so that /dev/zero given by mistake ends in a message, not in the OOM killer.
std::size_t limit_mib() {
  const char* value = std::getenv("CITFEE_MAX_INPUT_MIB");
  if (!value || !*value) return kDefaultLimitMib;
  std::size_t mib = 0;
  for (const char* p = value; *p; ++p) {
    if (*p < '0' || *p > '9' || mib > 1'000'000) {
      throw Error(Failure::kBadUsage,
                  fmt::format("CITFEE_MAX_INPUT_MIB={}: write a whole number of MiB, up to "
                              "1000000",
                              value));
    }
    mib = mib * 10 + static_cast<std::size_t>(*p - '0');
  }
  return mib == 0 ? kDefaultLimitMib : mib;
}

std::string read_fd(int fd, const std::string& shown) {
  const std::size_t mib = limit_mib();
  const std::size_t limit = mib << 20;
  std::string data;
  char buffer[1 << 16];
  while (true) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      throw Error(Failure::kNoInput,
                  fmt::format("{}: cannot read: {}", shown, std::strerror(errno)));
    }
    if (data.size() + static_cast<std::size_t>(n) > limit) {
      throw Error(Failure::kBadData,
                  fmt::format("{}: larger than {} MiB, not a file citfee reads whole (set "
                              "CITFEE_MAX_INPUT_MIB to allow more)",
                              shown, mib));
    }
    data.append(buffer, static_cast<std::size_t>(n));
  }
  return data;
}

}  // namespace

std::string display_name(const std::string& path) {
  return path == "-" ? "<stdin>" : path;
}

std::string read_input(const std::string& path) {
  if (path == "-") return read_fd(STDIN_FILENO, display_name(path));
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    throw Error(Failure::kNoInput, fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
  }
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    throw Error(Failure::kNoInput, fmt::format("{}: is a directory, not a file", path));
  }
  try {
    std::string data = read_fd(fd, path);
    ::close(fd);
    return data;
  } catch (...) {
    ::close(fd);
    throw;
  }
}

}  // namespace citfee
