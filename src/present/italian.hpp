// Numbers, amounts and dates written the Italian way, for statements.
// Amounts are written from Money's exact value, never through a double.
#pragma once

#include <cstdint>
#include <string>

#include "core/issued_bill.hpp"
#include "core/money.hpp"
#include "core/period.hpp"

namespace citfee {

// 196670 -> "196.670": '.' between thousands.
std::string italian_integer(std::int64_t n);

// 0.175 -> "0,175"; 1257 -> "1.257,00": ',' as decimal mark, '.' between
// thousands, at least `min_decimals` decimals and as many as the value needs.
std::string italian_decimal(Money m, int min_decimals = 2);

// 1257 -> "1.257,00 €"; 875.175 -> "875,175 €": never rounded.
std::string italian_amount(Money m);

// A difference with its sign: "+0,05 €", "-0,175 €", "0,00 €".
std::string italian_signed_amount(Money m);

// 2027-03-31 -> "31 marzo 2027".
std::string italian_date(const Date& d);

// 2027-03-31 -> "31/03/2027".
std::string italian_numeric_date(const Date& d);

// 2026-H1 -> "1° semestre 2026".
std::string italian_semester(const Period& p);

// 2026-H1 -> "gennaio–giugno 2026".
std::string italian_semester_months(const Period& p);

// What a bill is for: "quota annuale 2027", "rettifica della quota annuale
// 2027", "quote variabili del 2° semestre 2026".
std::string italian_bill_subject(const IssuedBill& bill);

}  // namespace citfee
