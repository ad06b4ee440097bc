#include "input/toml_places.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace citfee {

Location toml_place(const std::string& source, const toml::node* node) {
  if (!node) return {source, 0, 0};
  return {source, static_cast<int>(node->source().begin.line),
          static_cast<int>(node->source().begin.column)};
}

namespace {

constexpr int kMaxDepth = 100;

// The scan of a TOML text for how deep it nests: dotted keys and table
// headers ("a.b.c"), and arrays and inline tables inside one another.
// toml++ recurses once per level, without a bound of its own.
class DepthScan {
 public:
  explicit DepthScan(std::string_view text) : text_(text) {}

  // The first line nesting deeper than kMaxDepth, or 0.
  int too_deep_line() {
    int line = 1;
    int brackets = 0;
    int dots = 0;
    bool in_key = true;  // before the line's '=' (or in a [table] header)
    for (i_ = 0; i_ < text_.size(); ++i_) {
      const char c = text_[i_];
      if (c == '\n') {
        ++line, dots = 0, in_key = brackets == 0;
      } else if (c == '#') {
        skip_to_line_end();
        --i_;
      } else if (c == '"' || c == '\'') {
        line += skip_string(c);
      } else if (c == '=' && brackets == 0) {
        in_key = false;
      } else if (c == '.' && in_key) {
        ++dots;
      } else if (c == '[' || c == '{') {
        ++brackets;
      } else if ((c == ']' || c == '}') && brackets > 0) {
        --brackets;
      }
      if (dots > kMaxDepth || brackets > kMaxDepth) return line;
    }
    return 0;
  }

 private:
  void skip_to_line_end() {
    while (i_ < text_.size() && text_[i_] != '\n') ++i_;
  }

  // Skips the string opening at i_ (one quote or three); the lines it spans.
  int skip_string(char quote) {
    const std::string triple(3, quote);
    const bool multi = text_.substr(i_, 3) == triple;
    const std::size_t from = i_ + (multi ? 3 : 1);
    std::size_t end = from;
    while (end < text_.size()) {
      if (quote == '"' && text_[end] == '\\') {
        end += 2;
        continue;
      }
      if (multi ? text_.substr(end, 3) == triple : text_[end] == quote || text_[end] == '\n') break;
      ++end;
    }
    int lines = 0;
    for (std::size_t k = from; k < end && k < text_.size(); ++k) lines += text_[k] == '\n';
    i_ = std::min(end + (multi ? 2 : 0), text_.size());
    if (!multi && i_ < text_.size() && text_[i_] == '\n') --i_;  // the newline counts as a line
    return lines;
  }

  std::string_view text_;
  std::size_t i_ = 0;
};

}  // namespace

std::optional<toml::table> parse_toml(std::string_view text, const std::string& source,
                                      Diagnostics& diag) {
  if (const int line = DepthScan(text).too_deep_line()) {
    diag.error({source, line, 0},
               fmt::format("keys or values nested more than {} levels deep: a tariff or an "
                           "issuer file needs a few",
                           kMaxDepth));
    return std::nullopt;
  }
  try {
    return toml::parse(text, source);
  } catch (const toml::parse_error& e) {
    diag.error({source, static_cast<int>(e.source().begin.line),
                static_cast<int>(e.source().begin.column)},
               fmt::format("not valid TOML: {}", e.description()));
    return std::nullopt;
  }
}

}  // namespace citfee
