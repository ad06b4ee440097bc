// Payments from a treasury's or bank's CSV export.
#include <cctype>
#include <optional>

#include <fmt/format.h>

#include "core/entity.hpp"
#include "input/csv.hpp"
#include "input/header.hpp"
#include "input/payments.hpp"

namespace citfee {

namespace {

bool is_digits(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

// "1.245.300" → "1245300": a first group of one to three digits, then groups
// of three, all after the same mark, which is not the decimal one.
std::optional<std::string> ungrouped(std::string_view whole, char decimal_mark) {
  if (is_digits(whole)) return std::string(whole);
  const std::size_t first_mark = whole.find_first_of(".,");
  if (first_mark == std::string_view::npos || whole[first_mark] == decimal_mark) return {};
  const char mark = whole[first_mark];
  std::string out;
  std::size_t start = 0;
  for (bool first = true;; first = false) {
    const std::size_t next = whole.find(mark, start);
    const std::string_view group =
        whole.substr(start, next == std::string_view::npos ? next : next - start);
    if (!is_digits(group) || (first ? group.size() > 3 : group.size() != 3)) return {};
    out += group;
    if (next == std::string_view::npos) return out;
    start = next + 1;
  }
}

std::string cleaned(std::string_view text) {
  std::string s;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ' ' || c == '\t') continue;
    if (text.substr(i, 3) == "\xE2\x82\xAC") {  // €
      i += 2;
      continue;
    }
    s += c;
  }
  if (s.size() > 3 && s.substr(s.size() - 3) == "EUR") s.resize(s.size() - 3);
  return s;
}

}  // namespace

Money parse_bank_amount(std::string_view text) {
  std::string s = cleaned(text);
  std::string sign;
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
    if (s.front() == '-') sign = "-";
    s.erase(0, 1);
  }
  const std::size_t last = s.find_last_of(".,");
  const bool has_decimals = last != std::string::npos && s.size() - last - 1 == 2 &&
                            is_digits(std::string_view(s).substr(last + 1));
  const std::string_view whole = has_decimals ? std::string_view(s).substr(0, last) : s;
  const auto digits = ungrouped(whole, has_decimals ? s[last] : '\0');
  if (!digits) {
    throw ValueError(
        fmt::format("\"{}\" is not an amount: write 1245.00, 1.245,00 or 1,245.00", text));
  }
  return Money::parse(sign + *digits + (has_decimals ? "." + s.substr(last + 1) : ""));
}

namespace {

struct Columns {
  int date = -1;
  int amount = -1;
  int description = -1;
  int payer = -1;
  int tax_code = -1;
  int bank_id = -1;
  int credit = -1;  // credits only, when there is no signed amount column
};

// The columns of a bank export, by English or Italian name; others are the
// bank's own (balance, currency...) and left alone.
// How much a column name is the payment's date: a date, then a booking
// date, then a value date; 0 for no date.
int date_rank(std::string_view name) {
  if (name == "date") return 3;
  if (name == "booking_date" || name == "data_contabile" || name == "data_operazione") return 2;
  if (name == "value_date") return 1;
  return 0;
}

Columns columns_of(const CsvTable& t) {
  Columns c;
  int best_date = 0;
  for (std::size_t i = 0; i < t.header.size(); ++i) {
    const std::string name = fold_name(t.header[i]);
    const int col = static_cast<int>(i);
    if (date_rank(name) > best_date) {
      best_date = date_rank(name);
      c.date = col;
    }
    if (name == "amount") c.amount = col;
    // Exports with a column of credits and one of debits (Accrediti, Addebiti).
    if (name == "credit" || name == "accrediti" || name == "entrate" || name == "avere")
      c.credit = col;
    if (name == "description" || (name == "descrizione_operazione" && c.description < 0))
      c.description = col;
    if (name == "payer") c.payer = col;
    if (name == "tax_code") c.tax_code = col;
    if (name == "transaction_id") c.bank_id = col;
  }
  return c;
}

bool check_columns(const CsvTable& t, const Columns& c, Diagnostics& diag) {
  std::vector<std::string> missing;
  if (c.date < 0) missing.emplace_back("date (data)");
  if (c.amount < 0 && c.credit < 0) missing.emplace_back("amount (importo, or accrediti)");
  if (c.description < 0) missing.emplace_back("description (causale)");
  if (missing.empty()) return true;
  diag.error({t.file, t.header_line, 0},
             fmt::format("no {} column: a payments file has date, amount and description, and "
                         "optionally payer, tax_code and transaction_id",
                         fmt::join(missing, ", ")));
  return false;
}

}  // namespace

PaymentsFile read_payments_csv(std::string_view text, const std::string& file, Diagnostics& diag) {
  PaymentsFile out;
  out.format = "CSV";
  const CsvTable t = parse_csv(text, file, diag);
  if (t.header.empty()) {
    diag.error({file, 1, 0},
               "the file is empty: it needs a header line such as "
               "date,amount,description");
    return out;
  }
  const Columns c = columns_of(t);
  if (!check_columns(t, c, diag)) return out;
  for (const CsvRow& row : t.rows) {
    Payment p;
    p.file = file;
    p.line = row.line;
    try {
      p.date = parse_date_time(cell_text(row, c.date));
    } catch (const ValueError& e) {
      diag.error(t.at(row, c.date), fmt::format("date {}", e.what()));
      continue;
    }
    const int amount_col = c.amount >= 0 ? c.amount : c.credit;
    const std::string amount = cell_text(row, amount_col);
    if (c.amount < 0 && amount.empty()) {  // a debit's row: its credit cell is empty
      ++out.outgoing;
      continue;
    }
    try {
      p.amount = parse_bank_amount(amount);
    } catch (const ValueError& e) {
      diag.error(t.at(row, amount_col), fmt::format("amount {}", e.what()));
      continue;
    }
    if (p.amount.is_negative() || p.amount.is_zero()) {
      ++out.outgoing;
      continue;
    }
    p.description = cell_text(row, c.description);
    p.payer = cell_text(row, c.payer);
    p.tax_code = cell_text(row, c.tax_code);
    p.bank_id = cell_text(row, c.bank_id);
    out.payments.push_back(std::move(p));
  }
  return out;
}

}  // namespace citfee
