// The language of the words a command prints for people (explain, tariff).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "core/money.hpp"
#include "core/period.hpp"

namespace citfee {

enum class Language { kEnglish, kItalian };

// Says a sentence in the chosen language. Each sentence is written in both
// languages side by side where it is said, so the two cannot drift apart.
struct Say {
  Language language = Language::kEnglish;

  bool italian() const { return language == Language::kItalian; }

  template <typename... Args>
  std::string operator()(std::string_view en, std::string_view it, const Args&... args) const {
    return fmt::format(fmt::runtime(italian() ? it : en), args...);
  }

  // 7,114 or 7.114
  std::string count(std::int64_t n) const;
  // 0.175 or 0,175: at least `min_decimals` decimals, more where the value has them.
  std::string number(Money m, int min_decimals = 2) const;
  // 56.00 EUR or 56,00 €
  std::string amount(Money m) const;
  // 2027-01-31 or 31 gennaio 2027
  std::string date(const Date& d) const;
};

}  // namespace citfee
