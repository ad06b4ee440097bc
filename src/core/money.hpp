// Exact decimal amounts: euros, coefficients and prices as fixed-point integers.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace citfee {

// Checked integer helpers: every money operation goes through them.
std::int64_t checked_add(std::int64_t a, std::int64_t b);
std::int64_t checked_mul(std::int64_t a, std::int64_t b);

// An exact amount in millionths of a euro. Six decimals hold every coefficient
// and price of the schedule (0.175 €/resident) and every product of one with a
// whole count, so a fee is computed without any rounding before the last step.
class Money {
 public:
  static constexpr int kDecimals = 6;
  static constexpr std::int64_t kScale = 1'000'000;

  constexpr Money() = default;
  static constexpr Money from_micros(std::int64_t micros) { return Money(micros); }
  static Money from_euros(std::int64_t euros) { return Money(checked_mul(euros, kScale)); }
  static Money from_cents(std::int64_t cents) { return Money(checked_mul(cents, kScale / 100)); }

  // Parses "875", "0.175", "-12.50" (or "12,50" with mark ','). At most six
  // decimals; no exponent, no thousands separator. Throws ValueError.
  static Money parse(std::string_view text, char decimal_mark = '.');

  constexpr std::int64_t micros() const { return micros_; }

  Money operator+(Money other) const { return Money(checked_add(micros_, other.micros_)); }
  Money operator-(Money other) const;
  Money& operator+=(Money other) { return *this = *this + other; }
  Money times(std::int64_t count) const { return Money(checked_mul(micros_, count)); }

  // Rounds to a multiple of `unit` (a power of ten of a euro), halves away from zero.
  Money rounded_to(Money unit) const;
  Money rounded_to_euro() const { return rounded_to(from_euros(1)); }
  Money rounded_to_cent() const { return rounded_to(from_cents(1)); }

  bool is_negative() const { return micros_ < 0; }
  bool is_zero() const { return micros_ == 0; }
  // Number of decimals needed to write the value exactly (0 to 6).
  int decimals_needed() const;

  // Exact text with at least `min_decimals` decimals and no trailing zeros
  // beyond them: 875.175, 484.50, 0.19. No thousands separator.
  std::string to_string(int min_decimals = 2, char decimal_mark = '.') const;
  // Exactly `decimals` decimals; throws std::logic_error if that would lose digits.
  std::string to_fixed(int decimals, char decimal_mark = '.') const;

  constexpr auto operator<=>(const Money&) const = default;

 private:
  constexpr explicit Money(std::int64_t micros) : micros_(micros) {}
  std::int64_t micros_ = 0;
};

}  // namespace citfee
