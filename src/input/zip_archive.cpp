#include "input/zip_archive.hpp"

#include <zip.h>

#include <fmt/format.h>

#include "core/error.hpp"

namespace citfee {

struct ZipArchive::Handle {
  zip_t* zip = nullptr;
};

ZipArchive::ZipArchive(std::string_view bytes) : handle_(std::make_unique<Handle>()) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source) handle_->zip = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (!handle_->zip) {
    const std::string reason = zip_error_strerror(&error);
    if (source) zip_source_free(source);
    zip_error_fini(&error);
    throw ValueError(fmt::format("not a readable workbook ({})", reason));
  }
  zip_error_fini(&error);
}

ZipArchive::~ZipArchive() {
  if (handle_->zip) zip_discard(handle_->zip);
}

std::optional<std::string> ZipArchive::read(const std::string& name, std::size_t max_bytes) const {
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat(handle_->zip, name.c_str(), 0, &stat) != 0) return std::nullopt;
  zip_file_t* file = zip_fopen(handle_->zip, name.c_str(), 0);
  if (!file) throw ValueError(fmt::format("{} cannot be unpacked", name));
  std::string out;
  char buffer[65536];
  zip_int64_t n = 0;
  // The size in the directory may lie: count what is really unpacked.
  while ((n = zip_fread(file, buffer, sizeof buffer)) > 0) {
    if (out.size() + static_cast<std::size_t>(n) > max_bytes) {
      zip_fclose(file);
      throw ValueError(fmt::format("{} unpacks to more than {} MiB", name, max_bytes >> 20));
    }
    out.append(buffer, static_cast<std::size_t>(n));
  }
  zip_fclose(file);
  if (n < 0) throw ValueError(fmt::format("{} is damaged", name));
  return out;
}

bool looks_like_zip(std::string_view bytes) {
  return bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4);
}

}  // namespace citfee
