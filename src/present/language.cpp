#include "present/language.hpp"

#include "present/italian.hpp"

namespace citfee {

std::string Say::count(std::int64_t n) const {
  if (italian()) return italian_integer(n);
  std::string digits = std::to_string(n);
  const int first = digits.front() == '-' ? 1 : 0;
  for (int i = static_cast<int>(digits.size()) - 3; i > first; i -= 3) {
    digits.insert(static_cast<std::size_t>(i), ",");
  }
  return digits;
}

std::string Say::number(Money m, int min_decimals) const {
  return italian() ? italian_decimal(m, min_decimals) : m.to_string(min_decimals);
}

std::string Say::amount(Money m) const {
  return italian() ? italian_amount(m) : m.to_fixed(2) + " EUR";
}

std::string Say::date(const Date& d) const {
  return italian() ? italian_date(d) : d.iso();
}

}  // namespace citfee
