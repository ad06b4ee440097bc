#include "output/staged_files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>

#include "core/error.hpp"

namespace citfee {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const std::string& path, int error) {
  throw Error(Failure::kCannotWrite,
              fmt::format("{}: cannot write: {}", path, std::strerror(error)));
}

// Writes all of `data` to `fd`; the errno of a failure, or 0.
int write_all(int fd, const std::string& data) {
  std::size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    done += static_cast<std::size_t>(n);
  }
  return 0;
}

}  // namespace

StagedFiles::StagedFiles(std::string directory) : directory_(std::move(directory)) {}

StagedFiles::~StagedFiles() {
  if (!committed_) discard();
}

void StagedFiles::make_directory() {
  fs::path path;
  for (const fs::path& part : fs::path(directory_)) {
    path /= part;
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0) {
      if (!S_ISDIR(st.st_mode)) {
        throw Error(Failure::kCannotWrite,
                    fmt::format("{}: exists and is not a directory", path.string()));
      }
      continue;
    }
    if (::mkdir(path.c_str(), 0777) != 0) fail(path.string(), errno);
    made_.push_back(path.string());
  }
}

void StagedFiles::add(const std::string& name, const std::string& data) {
  for (const Staged& s : staged_) {
    if (s.name == name) {
      throw Error(Failure::kBadData,
                  fmt::format("two statements would both be written to {}", name));
    }
  }
  if (staged_.empty() && made_.empty()) make_directory();
  const std::string target = (fs::path(directory_) / name).string();
  std::string temp = (fs::path(directory_) / ("." + name + ".XXXXXX")).string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) fail(target, errno);
  staged_.push_back({name, temp});
  // mkstemp makes the file private; a statement gets the usual permissions.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  int error = write_all(fd, data);
  if (::close(fd) != 0 && error == 0) error = errno;
  if (error != 0) fail(target, error);
}

// Every staged file reaches the disk before any is renamed into place. One
// syncfs for them all rather than an fsync each: on ext4 each fsync waits for
// its own journal commit, 3 ms apiece, which for 212 letters was most of the run.
void StagedFiles::sync() const {
  const int fd = ::open(directory_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) fail(directory_, errno);
  int error = ::syncfs(fd) != 0 ? errno : 0;
  if (::close(fd) != 0 && error == 0) error = errno;
  if (error != 0) fail(directory_, error);
}

void StagedFiles::commit() {
  if (!staged_.empty()) sync();
  for (std::size_t i = 0; i < staged_.size(); ++i) {
    const std::string target = (fs::path(directory_) / staged_[i].name).string();
    if (::rename(staged_[i].temp.c_str(), target.c_str()) != 0) {
      const int error = errno;
      // What was renamed already goes too: a failed run leaves no statement.
      for (std::size_t j = 0; j < i; ++j)
        ::unlink((fs::path(directory_) / staged_[j].name).c_str());
      staged_.erase(staged_.begin(), staged_.begin() + static_cast<long>(i));
      fail(target, error);
    }
  }
  committed_ = true;
}

void StagedFiles::discard() noexcept {
  for (const Staged& s : staged_) ::unlink(s.temp.c_str());
  for (auto it = made_.rbegin(); it != made_.rend(); ++it) ::rmdir(it->c_str());
}

}  // namespace citfee
