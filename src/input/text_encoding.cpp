#include "input/text_encoding.hpp"

#include <cerrno>

#include <iconv.h>

namespace citfee {

std::optional<std::string> windows1252_to_utf8(std::string_view bytes) {
  iconv_t cd = iconv_open("UTF-8", "WINDOWS-1252");
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  // A byte of Windows-1252 is at most three bytes of UTF-8.
  std::string out(bytes.size() * 3, '\0');
  char* in = const_cast<char*>(bytes.data());  // iconv's signature; not written to
  std::size_t in_left = bytes.size();
  char* to = out.data();
  std::size_t out_left = out.size();
  const std::size_t done = iconv(cd, &in, &in_left, &to, &out_left);
  iconv_close(cd);
  if (done == static_cast<std::size_t>(-1) || in_left != 0) return std::nullopt;
  out.resize(out.size() - out_left);
  return out;
}

}  // namespace citfee
