#include "input/entities.hpp"

#include "core/count.hpp"

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

struct YearColumn {
  int column = -1;
  int year = 0;
};

// The population_YYYY columns: residents at 31 December YYYY.
std::vector<YearColumn> year_columns(const CsvTable& table) {
  std::vector<YearColumn> out;
  constexpr std::string_view kPrefix = "population_";
  for (std::size_t i = 0; i < table.header.size(); ++i) {
    const std::string& name = table.header[i];
    if (name.size() != kPrefix.size() + 4 || name.compare(0, kPrefix.size(), kPrefix) != 0)
      continue;
    const std::string digits = name.substr(kPrefix.size());
    if (digits.find_first_not_of("0123456789") != std::string::npos) continue;
    out.push_back({static_cast<int>(i), std::stoi(digits)});
  }
  return out;
}

struct Columns {
  int id, name, type, population, tax, pec, istat, joined, left;
  std::vector<YearColumn> years;
};

Columns columns_of(const CsvTable& t) {
  return {t.column("id"),       t.column("name"), t.column("type"),  t.column("population"),
          t.column("tax_code"), t.column("pec"),  t.column("istat"), t.column("joined"),
          t.column("left"),     year_columns(t)};
}

// Populations with a thousands separator ("2.550"): a column formatted so in
// Excel gives one on every row, told once rather than once per row.
struct SeparatorCells {
  std::vector<Diagnostic> cells;

  void report(Diagnostics& diag) const {
    constexpr std::size_t kShownAlone = 3;
    if (cells.size() <= kShownAlone) {
      for (const Diagnostic& d : cells) diag.error(d.where, d.message);
      return;
    }
    std::string lines;
    for (std::size_t i = 1; i < cells.size() && i <= 5; ++i)
      lines += fmt::format("{}{}", i > 1 ? ", " : "", cells[i].where.line);
    if (cells.size() > 6) lines += ", …";
    diag.error(cells.front().where,
               fmt::format("{} (and {} more rows alike, lines {}: the column is formatted "
                           "with a thousands separator; format it as plain numbers)",
                           cells.front().message, cells.size() - 1, lines));
  }
};

// Reads the population cells of a row into e.populations; false on a bad one.
bool read_populations(const CsvTable& table, const CsvRow& row, const Columns& c, Entity& e,
                      Diagnostics& diag, SeparatorCells& separators) {
  bool ok = true;
  auto take = [&](int column, std::optional<int> year, PopulationSource source) {
    const std::string text = cell_text(row, column);
    if (text.empty()) return;
    try {
      e.populations.push_back(
          {parse_population(text), year, source, table.file, table.at(row, column)});
    } catch (const ValueError& err) {
      if (has_thousands_separators(text)) {
        separators.cells.push_back({table.at(row, column), err.what()});
      } else {
        diag.error(table.at(row, column), err.what());
      }
      ok = false;
    }
  };
  for (const YearColumn& y : c.years) take(y.column, y.year, PopulationSource::kEntitiesColumn);
  take(c.population, std::nullopt, PopulationSource::kEntitiesUndated);
  for (const PopulationFigure& f : e.populations) {
    if (!f.year) e.population = f.residents;
  }
  return ok;
}

bool read_membership(const CsvTable& table, const CsvRow& row, const Columns& c, Entity& e,
                     Diagnostics& diag) {
  bool ok = true;
  if (const std::string text = cell_text(row, c.joined); !text.empty()) {
    try {
      e.membership.joined = parse_date(text);
    } catch (const ValueError& err) {
      diag.error(table.at(row, c.joined), fmt::format("joined {}", err.what()));
      ok = false;
    }
  }
  if (const std::string text = cell_text(row, c.left); !text.empty()) {
    try {
      e.membership.left = parse_left(text);
    } catch (const ValueError& err) {
      diag.error(table.at(row, c.left), err.what());
      ok = false;
    }
  }
  if (const std::string problem = membership_problem(e.membership); ok && !problem.empty()) {
    diag.error(table.at(row, c.left), problem);
    ok = false;
  }
  return ok;
}

}  // namespace

std::vector<Entity> read_entities(const CsvTable& table, Diagnostics& diag,
                                  bool populations_elsewhere) {
  std::vector<Entity> entities;
  if (!check_header(table, {"id", "name", "type"}, kExample, diag)) return entities;
  const Columns c = columns_of(table);
  const bool population_columns = c.population >= 0 || !c.years.empty();
  if (table.rows.empty()) {
    // Rows left out for a problem already reported are not "no entities".
    if (!diag.ok()) return entities;
    diag.error({table.file, table.header_line, 0}, "there are no entities after the header line");
    return entities;
  }
  std::unordered_map<std::string, int> first_line;
  bool warned_population_column = false;
  SeparatorCells separators;
  for (const CsvRow& row : table.rows) {
    Entity e;
    e.where = {table.file, row.line, 0};
    e.id = cell_text(row, c.id);
    e.name = cell_text(row, c.name);
    bool ok = true;
    if (e.id.empty()) {
      diag.error(table.at(row, c.id), "id is empty: every entity needs a unique id");
      ok = false;
    } else if (auto [it, fresh] = first_line.emplace(e.id, row.line); !fresh) {
      diag.error(table.at(row, c.id),
                 fmt::format("id \"{}\" is repeated (first on line {}): ids must be unique", e.id,
                             it->second));
      ok = false;
    }
    if (e.name.empty()) {
      diag.error(table.at(row, c.name),
                 "name is empty: write the entity's name, e.g. Comune di Adro");
      ok = false;
    }
    const std::string type_text = cell_text(row, c.type);
    if (auto type = parse_entity_type(type_text)) {
      e.type = *type;
    } else {
      diag.error(table.at(row, c.type), fmt::format("type \"{}\" is not known: write one of {}",
                                                    type_text, accepted_types()));
      ok = false;
    }
    const bool needs_population = ok && carries_population(e.type) && !populations_elsewhere;
    if (!population_columns && needs_population) {
      if (!warned_population_column) {
        diag.error(
            {table.file, table.header_line, 0},
            fmt::format("the header has no \"population\" column, needed for Comuni (line {}: {})",
                        row.line, e.name));
        warned_population_column = true;
      }
      ok = false;
    } else if (!read_populations(table, row, c, e, diag, separators)) {
      ok = false;
    } else if (needs_population && e.populations.empty()) {
      const int column = c.population >= 0 ? c.population : c.years.front().column;
      diag.error(table.at(row, column),
                 "population is missing: write the residents at 31 December, e.g. 1579");
      ok = false;
    }
    if (!read_membership(table, row, c, e, diag)) ok = false;
    e.tax_code = cell_text(row, c.tax);
    e.pec = cell_text(row, c.pec);
    e.istat = cell_text(row, c.istat);
    if (ok) entities.push_back(std::move(e));
  }
  separators.report(diag);
  std::size_t width = 0;
  const std::vector<std::string> short_ids = ids_short_of_zeros(entities, width);
  if (!short_ids.empty()) {
    diag.warning(
        {table.file, 0, 0},
        fmt::format("{} id(s) shorter than the {} digits of the others ({}{}): Excel drops "
                    "leading zeros; format the id column as text",
                    short_ids.size(), width, short_ids.front(), short_ids.size() > 1 ? ", …" : ""));
  }
  return entities;
}

}  // namespace citfee
