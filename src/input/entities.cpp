#include "input/entities.hpp"

#include <unordered_map>

#include <fmt/format.h>

namespace citfee {

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool check_header(const CsvTable& table, const std::vector<std::string_view>& required,
                  std::string_view example, Diagnostics& diag) {
  const Location where{table.file, table.header_line, 0};
  if (table.header.empty()) {
    diag.error({table.file, 1, 0},
               fmt::format("the file is empty: it needs a header line such as {}", example));
    return false;
  }
  bool ok = true;
  for (std::size_t i = 0; i < table.header.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (!table.header[i].empty() && table.header[i] == table.header[j]) {
        diag.error({table.file, table.header_line, static_cast<int>(i + 1)},
                   fmt::format("column \"{}\" appears twice in the header", table.header[i]));
        ok = false;
      }
    }
  }
  for (auto name : required) {
    if (table.column(name) < 0) {
      diag.error(where, fmt::format("the header has no \"{}\" column (found: {}; expected e.g. {})",
                                    name, fmt::join(table.header, ","), example));
      ok = false;
    }
  }
  return ok;
}

namespace {

constexpr std::string_view kExample = "id,name,type,population";

std::string cell(const CsvRow& row, int column) {
  return column < 0 ? std::string() : std::string(trimmed(row.fields[column]));
}

std::string accepted_types() {
  std::string out;
  for (EntityType t : kAllEntityTypes) {
    if (!out.empty()) out += ", ";
    out += type_key(t);
  }
  return out;
}

}  // namespace

std::vector<Entity> read_entities(const CsvTable& table, Diagnostics& diag) {
  std::vector<Entity> entities;
  if (!check_header(table, {"id", "name", "type"}, kExample, diag)) return entities;
  const int id_col = table.column("id");
  const int name_col = table.column("name");
  const int type_col = table.column("type");
  const int pop_col = table.column("population");
  const int tax_col = table.column("tax_code");
  const int pec_col = table.column("pec");
  if (table.rows.empty()) {
    // Rows left out for a problem already reported are not "no entities".
    if (!diag.ok()) return entities;
    diag.error({table.file, table.header_line, 0}, "there are no entities after the header line");
    return entities;
  }
  std::unordered_map<std::string, int> first_line;
  bool warned_population_column = false;
  for (const CsvRow& row : table.rows) {
    Entity e;
    e.where = {table.file, row.line, 0};
    e.id = cell(row, id_col);
    e.name = cell(row, name_col);
    bool ok = true;
    if (e.id.empty()) {
      diag.error(table.at(row, id_col), "id is empty: every entity needs a unique id");
      ok = false;
    } else if (auto [it, fresh] = first_line.emplace(e.id, row.line); !fresh) {
      diag.error(table.at(row, id_col),
                 fmt::format("id \"{}\" is repeated (first on line {}): ids must be unique", e.id,
                             it->second));
      ok = false;
    }
    if (e.name.empty()) {
      diag.error(table.at(row, name_col),
                 "name is empty: write the entity's name, e.g. Comune di Adro");
      ok = false;
    }
    const std::string type_text = cell(row, type_col);
    if (auto type = parse_entity_type(type_text)) {
      e.type = *type;
    } else {
      diag.error(table.at(row, type_col), fmt::format("type \"{}\" is not known: write one of {}",
                                                      type_text, accepted_types()));
      ok = false;
    }
    const std::string pop_text = cell(row, pop_col);
    if (pop_col < 0 && ok && carries_population(e.type)) {
      if (!warned_population_column) {
        diag.error(
            {table.file, table.header_line, 0},
            fmt::format("the header has no \"population\" column, needed for Comuni (line {}: {})",
                        row.line, e.name));
        warned_population_column = true;
      }
      ok = false;
    } else if (!pop_text.empty() || (ok && carries_population(e.type))) {
      try {
        e.population = parse_population(pop_text);
      } catch (const ValueError& err) {
        diag.error(table.at(row, pop_col), err.what());
        ok = false;
      }
    }
    e.tax_code = cell(row, tax_col);
    e.pec = cell(row, pec_col);
    if (ok) entities.push_back(std::move(e));
  }
  return entities;
}

}  // namespace citfee
