#include "input/usage.hpp"

#include <cctype>

#include <fmt/format.h>

#include "core/count.hpp"
#include "input/header.hpp"

namespace citfee {

namespace {

// A course's name fits a line of the letter.
constexpr std::size_t kMaxDescription = 120;

// Reads id and period, common to both layouts; false if either is wrong.
bool read_key(const CsvTable& t, const CsvRow& row, UsageRecord& r, Diagnostics& diag) {
  const int id_col = t.column("id");
  const int period_col = t.column("period");
  r.entity_id = cell_text(row, id_col);
  r.where = {t.file, row.line, 0};
  r.id_field = id_col + 1;
  bool ok = true;
  if (r.entity_id.empty()) {
    diag.error(t.at(row, id_col),
               "id is empty: write the id of the entity, as in the entities file");
    ok = false;
  }
  try {
    r.period = Period::parse(cell_text(row, period_col));
  } catch (const ValueError& e) {
    diag.error(t.at(row, period_col), e.what());
    ok = false;
  }
  return ok;
}

std::vector<UsageRecord> read_wide(const CsvTable& t, const Tariff& tariff, WideRowIndex& wide_rows,
                                   Diagnostics& diag) {
  std::vector<int> service_cols;
  bool ok = true;
  // A header of many wrong columns (a file that is no usage file) is told in
  // a few lines, not one per column.
  constexpr int kUnknownShown = 10;
  int unknown = 0;
  for (std::size_t i = 0; i < t.header.size(); ++i) {
    const std::string& name = t.header[i];
    if (name == "id" || name == "period" || name == "name") continue;
    const Service* s = tariff.find_service(name);
    const Location where{t.file, t.header_line, static_cast<int>(i + 1)};
    if (name.empty()) {
      diag.error(where,
                 "this column has no name in the header but holds values: name it or delete it");
      ok = false;
    } else if (!s && ++unknown > kUnknownShown) {
      ok = false;
    } else if (!s) {
      std::vector<std::string> keys;
      for (const Service& sv : tariff.services) {
        if (sv.unit_price) keys.push_back(sv.key);
      }
      diag.error(where,
                 fmt::format(
                     "column \"{}\" is not a service of the tariff {}: the columns are id, period, "
                     "name and {}",
                     name, tariff.id, fmt::join(keys, ", ")));
      ok = false;
    } else if (!s->unit_price) {
      diag.error(where, fmt::format("service {} is priced per event: give it in the long layout "
                                    "(id,period,service,quantity,unit_price)",
                                    name));
      ok = false;
    } else {
      service_cols.push_back(static_cast<int>(i));
    }
  }
  if (unknown > kUnknownShown) {
    diag.error({t.file, t.header_line, 0},
               fmt::format("and {} more columns that are not services of the tariff {}: is this "
                           "a usage file?",
                           unknown - kUnknownShown, tariff.id));
  }
  std::vector<UsageRecord> records;
  if (!ok) return records;
  for (const CsvRow& row : t.rows) {
    UsageRecord key;
    if (!read_key(t, row, key, diag)) continue;
    auto [it, fresh] =
        wide_rows.emplace(std::make_pair(key.entity_id, key.period.ordinal()), key.where);
    if (!fresh) {
      diag.error(key.where,
                 fmt::format("a second row for id {} and period {} (the first is at {}): "
                             "merge them into one row",
                             key.entity_id, key.period.str(), it->second.str()));
      continue;
    }
    for (int col : service_cols) {
      const std::string text = cell_text(row, col);
      if (text.empty()) continue;  // an empty cell is 0
      UsageRecord r = key;
      r.service = t.header[static_cast<std::size_t>(col)];
      r.where = t.at(row, col);
      r.service_field = col + 1;
      try {
        r.quantity = parse_count(text, r.service, true, kMaxQuantity);
      } catch (const ValueError& e) {
        diag.error(r.where, e.what());
        continue;
      }
      if (r.quantity > 0) records.push_back(std::move(r));
    }
  }
  return records;
}

// A service as a cell names it: its key (any case), or its label in the
// tariff ("Casella PEC"), as the ledger writes it with --lang it.
std::string service_key(const std::string& text, const Tariff& tariff) {
  std::string key = text;
  for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (tariff.find_service(key)) return key;
  const std::string folded = fold_name(text);
  for (const Service& s : tariff.services) {
    if (fold_name(s.label) == folded) return s.key;
  }
  return key;
}

std::vector<UsageRecord> read_long(const CsvTable& t, const Tariff& tariff, Diagnostics& diag) {
  std::vector<UsageRecord> records;
  bool ok = true;
  for (std::size_t i = 0; i < t.header.size(); ++i) {
    const std::string& name = t.header[i];
    if (name == "id" || name == "period" || name == "service" || name == "quantity" ||
        name == "unit_price" || name == "name" || name == "description") {
      continue;
    }
    if (name.empty()) {
      diag.error({t.file, t.header_line, static_cast<int>(i + 1)},
                 "this column has no name in the header but holds values: name it or delete it");
      ok = false;
      continue;
    }
    diag.error(
        {t.file, t.header_line, static_cast<int>(i + 1)},
        fmt::format(
            "column \"{}\" is not known: the columns are id, period, service, quantity, unit_price "
            "(and name, description)",
            name));
    ok = false;
  }
  if (!ok) return records;
  const int service_col = t.column("service");
  const int quantity_col = t.column("quantity");
  const int price_col = t.column("unit_price");
  const int description_col = t.column("description");
  for (const CsvRow& row : t.rows) {
    UsageRecord r;
    bool row_ok = read_key(t, row, r, diag);
    r.service_field = service_col + 1;
    r.price_field = price_col + 1;  // 0 when the column is absent
    r.service = service_key(cell_text(row, service_col), tariff);
    if (r.service.empty()) {
      diag.error(t.at(row, service_col), "service is empty: write a service key, e.g. telemaco");
      row_ok = false;
    }
    try {
      r.quantity = parse_count(cell_text(row, quantity_col), "quantity", true, kMaxQuantity);
    } catch (const ValueError& e) {
      diag.error(t.at(row, quantity_col), e.what());
      row_ok = false;
    }
    r.description = cell_text(row, description_col);
    if (r.description.size() > kMaxDescription) {
      diag.error(t.at(row, description_col),
                 fmt::format("description is {} bytes long: a letter line holds up to {}",
                             r.description.size(), kMaxDescription));
      row_ok = false;
    }
    const std::string price = cell_text(row, price_col);
    if (!price.empty()) {
      try {
        // A semicolon file from an Italian spreadsheet writes 12,50.
        char mark = t.delimiter == ';' && price.find(',') != std::string::npos ? ',' : '.';
        r.unit_price = Money::parse(price, mark);
        if (r.unit_price->is_negative())
          throw ValueError("\"" + price + "\" is negative: a price is 0 or more");
      } catch (const ValueError& e) {
        diag.error(t.at(row, price_col), fmt::format("unit_price {}", e.what()));
        row_ok = false;
      }
    }
    if (row_ok) records.push_back(std::move(r));
  }
  return records;
}

}  // namespace

UsageLayout detect_layout(const CsvTable& table) {
  if (table.column("id") < 0 || table.column("period") < 0) return UsageLayout::kUnknown;
  if (table.column("service") >= 0 || table.column("quantity") >= 0) return UsageLayout::kLong;
  return UsageLayout::kWide;
}

std::vector<UsageRecord> read_usage(const CsvTable& table, const Tariff& tariff,
                                    WideRowIndex& wide_rows, Diagnostics& diag) {
  switch (detect_layout(table)) {
    case UsageLayout::kWide:
      if (!check_header(table, {"id", "period"}, "id,period,firme,rinnovi,pec,telemaco", diag))
        return {};
      return read_wide(table, tariff, wide_rows, diag);
    case UsageLayout::kLong:
      if (!check_header(table, {"id", "period", "service", "quantity"},
                        "id,period,service,quantity,unit_price", diag)) {
        return {};
      }
      return read_long(table, tariff, diag);
    case UsageLayout::kUnknown:
      break;
  }
  check_header(table, {"id", "period"},
               "id,period,firme,rinnovi,pec,telemaco or id,period,service,quantity", diag);
  return {};
}

}  // namespace citfee
