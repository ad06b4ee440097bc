#include "input/entities.hpp"

#include "core/count.hpp"

#include <unordered_map>

#include <fmt/format.h>

#include "core/text.hpp"
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

// Populations written with Italian thousands dots ("1.579"), as a column
// formatted so in an Italian spreadsheet exports them: read as whole numbers
// and told once per file, so that a misread figure would still be seen.
struct DottedCells {
  std::vector<std::string> shown;  // the first few, "1.579 as 1579 (line 4)"
  std::size_t count = 0;

  void add(const std::string& text, const std::string& digits, int line) {
    if (++count <= 3) shown.push_back(fmt::format("{} as {} (line {})", text, digits, line));
  }

  void report(const std::string& file, Diagnostics& diag) const {
    if (count == 0) return;
    std::string list;
    for (const std::string& s : shown) list += (list.empty() ? "" : ", ") + s;
    if (count > shown.size()) list += fmt::format(" and {} more", count - shown.size());
    diag.note(
        {file, 0, 0},
        fmt::format("populations written with a thousands dot read as whole numbers: {}", list));
  }
};

// Reads the population cells of a row into e.populations; false on a bad one.
// `file` is the table's name, shared by every figure read from it.
bool read_populations(const CsvTable& table, const CsvRow& row, const Columns& c,
                      const SourceFile& file, Entity& e, Diagnostics& diag,
                      SeparatorCells& separators, DottedCells& dotted) {
  bool ok = true;
  // Exactly the figures a row can give: no spare room kept for every entity.
  e.populations.reserve(c.years.size() + (c.population >= 0 ? 1 : 0));
  auto take = [&](int column, std::optional<int> year, PopulationSource source) {
    const std::string text = cell_text(row, column);
    if (text.empty()) return;
    try {
      const std::optional<std::string> digits = dot_grouped_digits(text);
      e.populations.push_back({parse_population(digits ? *digits : text),
                               year,
                               source,
                               file,
                               {row.line, column + 1, table.column_letters}});
      if (digits) dotted.add(text, *digits, row.line);
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

// Why an id cannot tell one body from another, or empty: a character that
// does not show (a zero-width space, a bidirectional control, a no-break
// space) or that looks like another (a fullwidth digit).
std::string id_character_problem(const std::string& id) {
  const std::optional<HiddenChar> hidden = find_hidden(id);
  if (!hidden) return "";
  if (hidden->digit_like) {
    return fmt::format(
        "id \"{}\" holds {}, which looks like a digit but is not one: write the "
        "ASCII digit",
        escape_hidden(id), code_point_name(hidden->code));
  }
  return fmt::format(
      "id \"{}\" holds {}, a character that does not show: two ids that look "
      "the same would name two bodies; write the id again with visible characters",
      escape_hidden(id), code_point_name(hidden->code));
}

// The ids of one file, each in the spellings under which it is looked up:
// as written, and as payments are matched (fold_name: "A:1" and "a_1" are
// one). The journal's account of an id (ledger_account_part) is another
// spelling, but a reversible one: two ids never share an account.
class IdSpellings {
 public:
  // The problem of `id` on `line` with an id of an earlier line, or empty.
  std::string clash(const std::string& id, int line) {
    if (auto [it, fresh] = exact_.emplace(id, line); !fresh) {
      return fmt::format("id \"{}\" is repeated (first on line {}): ids must be unique", id,
                         it->second);
    }
    const std::string folded = fold_name(id);
    if (!folded.empty()) {
      if (auto [it, fresh] = folded_.emplace(folded, Seen{id, line}); !fresh) {
        return fmt::format(
            "id \"{}\" is too like id \"{}\" of line {}: both are read as \"{}\" when "
            "payments are matched; ids must differ in their letters or digits",
            id, it->second.id, it->second.line, folded);
      }
    }
    return "";
  }

 private:
  struct Seen {
    std::string id;
    int line = 0;
  };
  std::unordered_map<std::string, int> exact_;
  std::unordered_map<std::string, Seen> folded_;
};

// The cells of the id column a workbook stores as numbers: Excel has already
// dropped their leading zeros, whatever their length now.
bool ids_stored_as_numbers(const CsvTable& table, int id_column) {
  for (const CsvRow& row : table.rows) {
    if (table.number_cells.count({row.line, id_column})) return true;
  }
  return false;
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
  IdSpellings ids;
  bool warned_population_column = false;
  SeparatorCells separators;
  DottedCells dotted;
  const SourceFile file(table.file);
  for (const CsvRow& row : table.rows) {
    Entity e;
    e.where = {table.file, row.line, 0};
    e.id = cell_text(row, c.id);
    e.name = cell_text(row, c.name);
    bool ok = true;
    if (e.id.empty()) {
      diag.error(table.at(row, c.id), "id is empty: every entity needs a unique id");
      ok = false;
    } else if (const std::string problem = id_character_problem(e.id); !problem.empty()) {
      diag.error(table.at(row, c.id), problem);
      ok = false;
    } else if (const std::string clash = ids.clash(e.id, row.line); !clash.empty()) {
      diag.error(table.at(row, c.id), clash);
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
    } else if (!read_populations(table, row, c, file, e, diag, separators, dotted)) {
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
  dotted.report(table.file, diag);
  std::size_t width = 0;
  const std::vector<std::string> short_ids = ids_short_of_zeros(entities, width);
  if (ids_stored_as_numbers(table, c.id)) {
    // Told whatever the lengths: a column of five-digit codes that all lost
    // their zero has no short one to show.
    diag.warning(
        {table.file, 0, 0},
        fmt::format("the id column holds numbers: Excel drops leading zeros; format the "
                    "column as text{}",
                    short_ids.empty() ? ""
                                      : fmt::format(" ({} id(s) shorter than the {} "
                                                    "digits of the others: {}{})",
                                                    short_ids.size(), width, short_ids.front(),
                                                    short_ids.size() > 1 ? ", …" : "")));
  } else if (!short_ids.empty()) {
    diag.warning(
        {table.file, 0, 0},
        fmt::format("{} id(s) shorter than the {} digits of the others ({}{}): Excel drops "
                    "leading zeros; format the id column as text",
                    short_ids.size(), width, short_ids.front(), short_ids.size() > 1 ? ", …" : ""));
  }
  return entities;
}

}  // namespace citfee
