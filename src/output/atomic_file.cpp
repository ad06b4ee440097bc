#include "output/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>

#include "core/error.hpp"
#include "output/interruption.hpp"

namespace citfee {

namespace {

// Writes all of `data` to `fd`; false with errno set on failure.
bool write_all(int fd, const std::string& data) {
  std::size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    done += static_cast<std::size_t>(n);
  }
  return true;
}

[[noreturn]] void fail_write(const std::string& path, int error) {
  throw Error(Failure::kCannotWrite,
              fmt::format("{}: cannot write: {}", path, std::strerror(error)));
}

void write_special(const std::string& path, const std::string& data) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) fail_write(path, errno);
  int error = write_all(fd, data) ? 0 : errno;
  if (::close(fd) != 0 && error == 0) error = errno;
  if (error != 0) fail_write(path, error);
}

// Through a symbolic link, the file it points to, whether it exists or not
// (a dangling link is written through too, not replaced by a file).
std::filesystem::path link_target(const std::string& path) {
  namespace fs = std::filesystem;
  fs::path target = path;
  std::error_code ec;
  for (int hops = 0; hops < 40 && fs::is_symlink(target, ec); ++hops) {
    const fs::path next = fs::read_symlink(target, ec);
    if (ec) break;
    target = next.is_absolute() ? next : target.parent_path() / next;
  }
  return target;
}

}  // namespace

StagedFile::StagedFile(const std::string& path, std::string data) : path_(path) {
  namespace fs = std::filesystem;
  if (path.empty() || path == "-") {
    direct_ = true;
    data_ = std::move(data);
    return;
  }
  const fs::path target = link_target(path);
  target_ = target.string();
  struct stat st {};
  const bool exists = ::stat(target.c_str(), &st) == 0;
  if (exists && !S_ISREG(st.st_mode)) {
    // A device or pipe (/dev/stdout, /dev/full) cannot be replaced by a
    // rename: written into directly.
    direct_ = true;
    data_ = std::move(data);
    return;
  }
  fs::path dir = target.parent_path();
  if (dir.empty()) dir = ".";
  std::string temp = (dir / (".citfee-" + target.filename().string() + ".XXXXXX")).string();
  window_.emplace();
  int fd = ::mkstemp(temp.data());
  if (fd < 0) fail_write(path, errno);
  temp_ = temp;
  // An existing file keeps its permissions; a new one gets the usual ones.
  mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, exists ? (st.st_mode & 07777) : (0666 & ~mask));
  int error = 0;
  if (!write_all(fd, data) || ::fsync(fd) != 0) error = errno;
  if (::close(fd) != 0 && error == 0) error = errno;
  if (error != 0) fail_write(path, error);  // the destructor removes the temporary file
}

StagedFile::~StagedFile() {
  if (!placed_ && !temp_.empty()) ::unlink(temp_.c_str());
}

void StagedFile::place() {
  if (placed_) return;
  if (direct_) {
    if (path_.empty() || path_ == "-") {
      write_stdout(data_);
    } else {
      write_special(path_, data_);
    }
    placed_ = true;
    return;
  }
  check_interrupted();
  if (::rename(temp_.c_str(), target_.c_str()) != 0) fail_write(path_, errno);
  placed_ = true;
}

void write_file_atomically(const std::string& path, const std::string& data) {
  StagedFile file(path, data);
  file.place();
}

void write_stdout(const std::string& data) {
  if (!write_all(STDOUT_FILENO, data)) {
    throw Error(Failure::kCannotWrite,
                fmt::format("standard output: cannot write: {}", std::strerror(errno)));
  }
}

bool stdout_is_terminal() {
  return ::isatty(STDOUT_FILENO) == 1;
}

bool is_terminal(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISCHR(st.st_mode)) return false;
  // O_NOCTTY: asking must not make it our controlling terminal.
  const int fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool terminal = ::isatty(fd) == 1;
  ::close(fd);
  return terminal;
}

}  // namespace citfee
