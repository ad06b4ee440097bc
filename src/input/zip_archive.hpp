// Reading the members of a zip archive held in memory (an .xlsx workbook),
// through libzip.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace citfee {

class ZipArchive {
 public:
  // Opens `bytes` (kept alive by the caller). Throws ValueError with the
  // reason when it is not a zip archive.
  explicit ZipArchive(std::string_view bytes);
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  // The whole member `name`, or none when the archive has no such member.
  // Throws ValueError when it is damaged or larger than `max_bytes`
  // unpacked, so a small hostile archive cannot fill the memory.
  std::optional<std::string> read(const std::string& name, std::size_t max_bytes) const;

 private:
  struct Handle;
  std::unique_ptr<Handle> handle_;
};

// Whether `bytes` begin as a zip archive does.
bool looks_like_zip(std::string_view bytes);

}  // namespace citfee
