#include "input/file_digest.hpp"

#include <glib.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include <fmt/format.h>

#include "core/error.hpp"

namespace citfee {

// GLib (already there for Pango) computes the digest; read in blocks, so a
// large event log is not held twice.
std::string file_sha256(const std::string& path) {
  if (path == "-") return {};
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "rb"), std::fclose);
  if (!f) {
    throw Error(Failure::kNoInput, fmt::format("{}: {}", path, std::strerror(errno)));
  }
  std::unique_ptr<GChecksum, void (*)(GChecksum*)> sum(g_checksum_new(G_CHECKSUM_SHA256),
                                                       g_checksum_free);
  unsigned char block[1 << 16];
  std::size_t n = 0;
  while ((n = std::fread(block, 1, sizeof block, f.get())) > 0)
    g_checksum_update(sum.get(), block, static_cast<gssize>(n));
  if (std::ferror(f.get())) {
    throw Error(Failure::kNoInput, fmt::format("{}: read error", path));
  }
  return g_checksum_get_string(sum.get());
}

std::string bytes_sha256(std::string_view bytes) {
  std::unique_ptr<GChecksum, void (*)(GChecksum*)> sum(g_checksum_new(G_CHECKSUM_SHA256),
                                                       g_checksum_free);
  g_checksum_update(sum.get(), reinterpret_cast<const guchar*>(bytes.data()),
                    static_cast<gssize>(bytes.size()));
  return g_checksum_get_string(sum.get());
}

}  // namespace citfee
