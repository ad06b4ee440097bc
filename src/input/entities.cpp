#include "input/entities.hpp"

#include <unordered_map>

#include <fmt/format.h>

#include "input/header.hpp"

namespace citfee {

namespace {

constexpr std::string_view kExample = "id,name,type,population";

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
    e.id = cell_text(row, id_col);
    e.name = cell_text(row, name_col);
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
    const std::string type_text = cell_text(row, type_col);
    if (auto type = parse_entity_type(type_text)) {
      e.type = *type;
    } else {
      diag.error(table.at(row, type_col), fmt::format("type \"{}\" is not known: write one of {}",
                                                      type_text, accepted_types()));
      ok = false;
    }
    const std::string pop_text = cell_text(row, pop_col);
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
    e.tax_code = cell_text(row, tax_col);
    e.pec = cell_text(row, pec_col);
    if (ok) entities.push_back(std::move(e));
  }
  return entities;
}

}  // namespace citfee
