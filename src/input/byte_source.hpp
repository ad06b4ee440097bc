// Where the bytes of an input streamed in blocks come from: a file, standard
// input, or text in memory.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace citfee {

class ByteSource {
 public:
  virtual ~ByteSource() = default;

  // The size, when every byte can be read at any offset (a regular file, text
  // in memory); then read_at may be called from several threads at once.
  // Empty for a pipe or terminal, which read_at reads in order.
  virtual std::optional<std::uint64_t> size() const = 0;

  // Reads up to `n` bytes at `offset` into `buffer`; 0 only at the end. A
  // source without a size ignores `offset`: it is called with each offset in
  // turn. Throws Error(kNoInput) when the input cannot be read.
  virtual std::size_t read_at(std::uint64_t offset, char* buffer, std::size_t n) = 0;
};

// A file, or standard input for "-". Throws Error(kNoInput) when it is
// missing or unreadable, like read_input.
std::unique_ptr<ByteSource> open_byte_source(const std::string& path);

// Text in memory, read at most `chunk` bytes at a time (small chunks try the
// edges of a streaming reader).
std::unique_ptr<ByteSource> memory_byte_source(std::string_view text, std::size_t chunk = SIZE_MAX);

}  // namespace citfee
