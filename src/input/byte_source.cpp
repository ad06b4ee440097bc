#include "input/byte_source.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "core/error.hpp"
#include "input/read_file.hpp"

namespace citfee {

namespace {

class FileSource : public ByteSource {
 public:
  FileSource(int fd, bool owned, std::string shown)
      : fd_(fd), owned_(owned), shown_(std::move(shown)) {
    struct stat st {};
    // A regular file (also as standard input, `< log.csv`) is read at
    // offsets, from where its position stood, so threads can share it.
    if (::fstat(fd_, &st) == 0 && S_ISREG(st.st_mode)) {
      const off_t at = ::lseek(fd_, 0, SEEK_CUR);
      if (at >= 0 && at <= st.st_size) {
        start_ = static_cast<std::uint64_t>(at);
        size_ = static_cast<std::uint64_t>(st.st_size) - start_;
      }
    }
    // Reading front to back: the kernel may read ahead.
    ::posix_fadvise(fd_, 0, 0, POSIX_FADV_SEQUENTIAL);
  }
  ~FileSource() override {
    if (owned_) ::close(fd_);
  }
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;

  std::optional<std::uint64_t> size() const override { return size_; }

  std::size_t read_at(std::uint64_t offset, char* buffer, std::size_t n) override {
    while (true) {
      const ssize_t got = size_ ? ::pread(fd_, buffer, n, static_cast<off_t>(start_ + offset))
                                : ::read(fd_, buffer, n);
      if (got >= 0) return static_cast<std::size_t>(got);
      if (errno != EINTR) {
        throw Error(Failure::kNoInput,
                    fmt::format("{}: cannot read: {}", shown_, std::strerror(errno)));
      }
    }
  }

 private:
  int fd_;
  bool owned_;
  std::string shown_;
  std::uint64_t start_ = 0;
  std::optional<std::uint64_t> size_;
};

class MemorySource : public ByteSource {
 public:
  MemorySource(std::string_view text, std::size_t chunk)
      : text_(text), chunk_(std::max<std::size_t>(chunk, 1)) {}

  std::optional<std::uint64_t> size() const override { return text_.size(); }

  std::size_t read_at(std::uint64_t offset, char* buffer, std::size_t n) override {
    if (offset >= text_.size()) return 0;
    const std::size_t take = std::min({n, chunk_, text_.size() - static_cast<std::size_t>(offset)});
    std::memcpy(buffer, text_.data() + offset, take);
    return take;
  }

 private:
  std::string_view text_;
  std::size_t chunk_;
};

}  // namespace

std::unique_ptr<ByteSource> open_byte_source(const std::string& path) {
  if (path == "-") return std::make_unique<FileSource>(STDIN_FILENO, false, display_name(path));
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    throw Error(Failure::kNoInput, fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    throw Error(Failure::kNoInput, fmt::format("{}: is a directory, not a file", path));
  }
  return std::make_unique<FileSource>(fd, true, path);
}

std::unique_ptr<ByteSource> memory_byte_source(std::string_view text, std::size_t chunk) {
  return std::make_unique<MemorySource>(text, chunk);
}

}  // namespace citfee
