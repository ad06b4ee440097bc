#include "core/money.hpp"

#include <cstdlib>
#include <limits>

namespace citfee {

std::int64_t checked_add(std::int64_t a, std::int64_t b) {
  std::int64_t out = 0;
  if (__builtin_add_overflow(a, b, &out)) {
    throw OverflowError("amount out of range");
  }
  return out;
}

std::int64_t checked_mul(std::int64_t a, std::int64_t b) {
  std::int64_t out = 0;
  if (__builtin_mul_overflow(a, b, &out)) {
    throw OverflowError("amount out of range");
  }
  return out;
}

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

std::int64_t pow10(int n) {
  std::int64_t p = 1;
  for (int i = 0; i < n; ++i) {
    p *= 10;
  }
  return p;
}

}  // namespace

Money Money::parse(std::string_view text, char decimal_mark) {
  const std::string shown = "\"" + std::string(text) + "\"";
  std::string_view s = text;
  bool negative = false;
  if (!s.empty() && s.front() == '-') {
    negative = true;
    s.remove_prefix(1);
  }
  std::size_t mark = s.find(decimal_mark);
  std::string_view whole = s.substr(0, mark);
  std::string_view frac = mark == std::string_view::npos ? std::string_view() : s.substr(mark + 1);
  auto all_digits = [](std::string_view d) {
    if (d.empty()) return false;
    for (char c : d) {
      if (!is_digit(c)) return false;
    }
    return true;
  };
  if (!all_digits(whole) || (mark != std::string_view::npos && !all_digits(frac))) {
    throw ValueError(shown + " is not a decimal number (write it like 1234" +
                     std::string(1, decimal_mark) + "50, with no thousands separator)");
  }
  // Trailing zeros beyond six decimals carry no value and are accepted.
  while (frac.size() > kDecimals && frac.back() == '0') {
    frac.remove_suffix(1);
  }
  if (frac.size() > kDecimals) {
    throw ValueError(shown + " has more than 6 decimals");
  }
  // Accumulated as a negative number: the range of int64 reaches one further
  // below zero than above it, and INT64_MIN micros is printable too.
  std::int64_t micros = 0;
  try {
    for (char c : whole) {
      micros = checked_add(checked_mul(micros, 10), -(c - '0'));
    }
    micros = checked_mul(micros, kScale);
    std::int64_t f = 0;
    for (char c : frac) {
      f = f * 10 + (c - '0');
    }
    micros = checked_add(micros, -(f * pow10(kDecimals - static_cast<int>(frac.size()))));
    if (!negative) micros = checked_mul(micros, -1);
  } catch (const OverflowError&) {
    throw ValueError(shown + " is too large");
  }
  return Money(micros);
}

Money Money::operator-(Money other) const {
  std::int64_t out = 0;
  if (__builtin_sub_overflow(micros_, other.micros_, &out)) {
    throw OverflowError("amount out of range");
  }
  return Money(out);
}

Money Money::rounded_to(Money unit) const {
  const std::int64_t u = unit.micros_;
  const std::int64_t rest = micros_ % u;  // same sign as micros_
  std::int64_t base = micros_ - rest;
  if (rest * 2 >= u) {
    base = checked_add(base, u);
  } else if (rest * 2 <= -u) {
    base = checked_add(base, -u);
  }
  return Money(base);
}

int Money::decimals_needed() const {
  std::int64_t frac = micros_ % kScale;
  int n = kDecimals;
  while (n > 0 && frac % 10 == 0) {
    frac /= 10;
    --n;
  }
  return n;
}

std::string Money::to_string(int min_decimals, char decimal_mark) const {
  int decimals = decimals_needed();
  return to_fixed(decimals > min_decimals ? decimals : min_decimals, decimal_mark);
}

std::string Money::to_fixed(int decimals, char decimal_mark) const {
  if (decimals < decimals_needed() || decimals > kDecimals) {
    throw std::logic_error("to_fixed would drop digits of " + to_string());
  }
  // Work on the magnitude as unsigned: -INT64_MIN does not fit in int64.
  const bool negative = micros_ < 0;
  std::uint64_t mag =
      negative ? 0 - static_cast<std::uint64_t>(micros_) : static_cast<std::uint64_t>(micros_);
  const std::uint64_t scale = static_cast<std::uint64_t>(kScale);
  std::string out = negative ? "-" : "";
  out += std::to_string(mag / scale);
  if (decimals > 0) {
    std::string frac = std::to_string(mag % scale);
    frac.insert(0, kDecimals - frac.size(), '0');
    out += decimal_mark;
    out += frac.substr(0, static_cast<std::size_t>(decimals));
  }
  return out;
}

}  // namespace citfee
