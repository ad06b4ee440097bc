// Finds the bytes of a CSV buffer that a fast reader must look at, 64 at a
// time (internal to the events adapter).
#pragma once

#include <cstddef>
#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace citfee::events {

// Bit i is set when p[i] is the delimiter, a quote, a byte below 0x20 (CR,
// LF, tab and the control characters), DEL, or a byte of a multi-byte UTF-8
// sequence (>= 0x80). Reads 64 bytes from p.
inline std::uint64_t special_bytes(const char* p, char delimiter) {
#if defined(__SSE2__)
  const __m128i delim = _mm_set1_epi8(delimiter);
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i space = _mm_set1_epi8(0x20);
  const __m128i del = _mm_set1_epi8(0x7F);
  std::uint64_t mask = 0;
  for (int i = 0; i < 4; ++i) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * i));
    // A signed compare: bytes >= 0x80 count as below 0x20 too, and are hits anyway.
    const __m128i hit =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, delim), _mm_cmpeq_epi8(x, quote)),
                     _mm_or_si128(_mm_cmplt_epi8(x, space), _mm_cmpeq_epi8(x, del)));
    // movemask takes the top bit of each byte: set in a hit, and in x itself
    // for a byte >= 0x80.
    const auto bits = static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_or_si128(hit, x)));
    mask |= static_cast<std::uint64_t>(bits) << (16 * i);
  }
  return mask;
#else
  std::uint64_t mask = 0;
  for (int i = 0; i < 64; ++i) {
    const auto c = static_cast<unsigned char>(p[i]);
    const bool hit = c == static_cast<unsigned char>(delimiter) || c == '"' || c < 0x20 ||
                     c == 0x7F || c >= 0x80;
    mask |= static_cast<std::uint64_t>(hit) << i;
  }
  return mask;
#endif
}

// Walks the special bytes of data[0, end) in order. The buffer must be
// readable 64 bytes past `end` (what lies there is ignored).
class SpecialBytes {
 public:
  SpecialBytes(const char* data, std::size_t end, char delimiter)
      : data_(data), end_(end), delimiter_(delimiter) {}

  // Starts again from `pos`.
  void seek(std::size_t pos) {
    base_ = pos;
    mask_ = load(pos);
  }

  // The position of the next special byte, or `end` when there is none.
  std::size_t next() {
    while (mask_ == 0) {
      if (end_ - base_ <= 64) return end_;
      base_ += 64;
      mask_ = load(base_);
    }
    const std::size_t at = base_ + static_cast<std::size_t>(__builtin_ctzll(mask_));
    mask_ &= mask_ - 1;
    return at;
  }

 private:
  std::uint64_t load(std::size_t pos) const {
    if (pos >= end_) return 0;
    std::uint64_t mask = special_bytes(data_ + pos, delimiter_);
    const std::size_t left = end_ - pos;
    if (left < 64) mask &= (std::uint64_t{1} << left) - 1;  // past the data
    return mask;
  }

  const char* data_;
  std::size_t end_;
  char delimiter_;
  std::size_t base_ = 0;
  std::uint64_t mask_ = 0;
};

}  // namespace citfee::events
