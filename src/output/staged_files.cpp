#include "output/staged_files.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>

#include "core/error.hpp"
#include "output/input_guard.hpp"

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

// Every temporary name begins so, for a later run to find what a KILL left.
constexpr std::string_view kTempPrefix = ".citfee-";

std::string temp_name(const std::string& name, const char* tail) {
  return std::string(kTempPrefix) + name + tail;
}

// The name a temporary file stands for: ".citfee-NAME.XXXXXX" and
// ".citfee-NAME.old.XXXXXX" stand for NAME; empty for any other file.
std::string leftover_of(const std::string& file) {
  if (file.compare(0, kTempPrefix.size(), kTempPrefix) != 0 || file.size() < kTempPrefix.size() + 8)
    return {};
  std::string name = file.substr(kTempPrefix.size(), file.size() - kTempPrefix.size() - 7);
  if (file[file.size() - 7] != '.') return {};
  const std::string old = ".old";
  if (name.size() > old.size() && name.compare(name.size() - old.size(), old.size(), old) == 0)
    name.resize(name.size() - old.size());
  return name;
}

// What a run writes into a letters' folder: PDFs and sending lists.
bool is_letter_or_list(const std::string& name) {
  const auto ends = [&](std::string_view tail) {
    return name.size() > tail.size() &&
           name.compare(name.size() - tail.size(), tail.size(), tail) == 0;
  };
  return ends(".pdf") || (name.rfind("invio", 0) == 0 && ends(".csv"));
}

}  // namespace

StagedFiles::StagedFiles(std::string directory) : directory_(std::move(directory)) {}

StagedFiles::~StagedFiles() {
  if (!finished_) roll_back();
  if (lock_ >= 0) ::close(lock_);
}

// Makes the directory and locks it, on the first file.
void StagedFiles::open() {
  if (lock_ >= 0) return;
  window_.emplace();
  make_directory();
  lock_ = ::open(directory_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (lock_ < 0) fail(directory_, errno);
  if (::flock(lock_, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK) fail(directory_, errno);
    throw Error(Failure::kTempFail,
                fmt::format("{}: another citfee run is writing letters here: try again when it "
                            "has finished",
                            directory_));
  }
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
    if (::mkdir(path.c_str(), 0777) == 0) {
      made_.push_back(path.string());
    } else if (errno != EEXIST || ::stat(path.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
      fail(path.string(), errno);  // made by another run meanwhile is fine
    }
  }
}

void StagedFiles::add(const std::string& name, const std::string& data) {
  for (const Staged& s : staged_) {
    if (s.name == name) {
      throw Error(Failure::kBadData,
                  fmt::format("two statements would both be written to {}", name));
    }
  }
  check_interrupted();
  open();
  const std::string target = (fs::path(directory_) / name).string();
  refuse_over_input(target, "the output");
  std::string temp = (fs::path(directory_) / temp_name(name, ".XXXXXX")).string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) fail(target, errno);
  staged_.push_back({name, temp, {}, false, false});
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

// A second name for the file at `target` (a hard link), so that the rename
// over it leaves the old letter reachable until the run is done.
void StagedFiles::keep_aside(Staged& s, const std::string& target) {
  struct stat st {};
  if (::lstat(target.c_str(), &st) != 0) {
    if (errno == ENOENT) return;
    fail(target, errno);
  }
  if (S_ISDIR(st.st_mode)) {
    throw Error(Failure::kCannotWrite,
                fmt::format("{}: cannot write: a directory is in the way", target));
  }
  std::string kept = (fs::path(directory_) / temp_name(s.name, ".old.XXXXXX")).string();
  const int fd = ::mkstemp(kept.data());
  if (fd < 0) fail(target, errno);
  ::close(fd);
  ::unlink(kept.c_str());
  if (::link(target.c_str(), kept.c_str()) != 0) fail(target, errno);
  s.kept = kept;
}

std::vector<std::string> StagedFiles::retire_others(const std::vector<std::string>& candidates) {
  std::vector<std::string> names;
  for (const std::string& name : candidates) {
    bool written = false;
    for (const Staged& s : staged_) written = written || s.name == name;
    if (written || name.empty() || name.front() == '.') continue;
    struct stat st {};
    const std::string path = (fs::path(directory_) / name).string();
    if (::lstat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
    refuse_over_input(path, "the earlier letter");
    names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  for (const std::string& name : names) staged_.push_back({name, {}, {}, false, true});
  return names;
}

// An old file with no new one: renamed to a hidden name until finish().
void StagedFiles::move_aside(Staged& s) {
  const std::string target = (fs::path(directory_) / s.name).string();
  keep_aside(s, target);
  if (s.kept.empty()) return;  // gone already
  if (::unlink(target.c_str()) != 0) fail(target, errno);
  s.placed = true;
}

// Under the folder's lock no other run writes here: every temporary name of
// a letter or a sending list is what a killed run left, of whatever kind of
// letter (annual, semester, correction, reminder).
void StagedFiles::remove_leftovers() {
  open();
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(directory_, ec)) {
    const std::string name = leftover_of(entry.path().filename().string());
    if (!is_letter_or_list(name)) continue;
    if (entry.is_regular_file(ec)) ::unlink(entry.path().c_str());
  }
}

void StagedFiles::commit() {
  if (!staged_.empty()) sync();
  try {
    for (Staged& s : staged_) {
      check_interrupted();
      if (s.retired) {
        move_aside(s);
        continue;
      }
      const std::string target = (fs::path(directory_) / s.name).string();
      keep_aside(s, target);
      if (::rename(s.temp.c_str(), target.c_str()) != 0) fail(target, errno);
      s.placed = true;
    }
  } catch (...) {
    roll_back();
    finished_ = true;
    throw;
  }
}

void StagedFiles::finish() noexcept {
  for (const Staged& s : staged_) {
    if (!s.kept.empty()) ::unlink(s.kept.c_str());
  }
  finished_ = true;
}

// Every file as it was before the run: the old ones back, the new ones gone.
void StagedFiles::roll_back() noexcept {
  for (auto it = staged_.rbegin(); it != staged_.rend(); ++it) {
    const std::string target = (fs::path(directory_) / it->name).string();
    if (!it->placed) {
      if (!it->retired) ::unlink(it->temp.c_str());
      if (!it->kept.empty()) ::unlink(it->kept.c_str());
    } else if (!it->kept.empty()) {
      ::rename(it->kept.c_str(), target.c_str());
    } else {
      ::unlink(target.c_str());
    }
  }
  for (auto it = made_.rbegin(); it != made_.rend(); ++it) ::rmdir(it->c_str());
}

}  // namespace citfee
