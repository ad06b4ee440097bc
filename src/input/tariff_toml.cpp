#include "input/tariff_toml.hpp"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <utility>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "input/toml_places.hpp"

namespace citfee {

namespace {

// Reads typed values out of the document, reporting each problem with its
// place in the file and carrying on, so a user sees every mistake at once.
class Reader {
 public:
  Reader(std::string_view text, const std::string& source, Diagnostics& diag)
      : text_(text), source_(source), diag_(diag) {}

  bool failed() const { return failed_; }

  void error(const toml::node* node, const std::string& message) {
    diag_.error(toml_place(source_, node), message);
    failed_ = true;
  }

  // Reports keys that are not in `known`: a misspelt key must not be ignored.
  void only_keys(const toml::table& table, const std::string& path,
                 std::initializer_list<std::string_view> known) {
    for (const auto& [key, node] : table) {
      if (std::find(known.begin(), known.end(), key.str()) == known.end()) {
        error(&node, fmt::format("unknown key \"{}\" in {} (known: {})", key.str(), path,
                                 fmt::join(known, ", ")));
      }
    }
  }

  const toml::table* table(const toml::table& parent, std::string_view key, const std::string& path,
                           bool required = true) {
    const toml::node* node = parent.get(key);
    if (!node) {
      if (required) error(nullptr, fmt::format("the section [{}] is missing", path));
      return nullptr;
    }
    if (!node->is_table()) {
      error(node, fmt::format("{} must be a table", path));
      return nullptr;
    }
    return node->as_table();
  }

  const toml::array* array(const toml::table& parent, std::string_view key, const std::string& path,
                           bool required) {
    const toml::node* node = parent.get(key);
    if (!node) {
      if (required) error(nullptr, fmt::format("{} is missing", path));
      return nullptr;
    }
    if (!node->is_array()) {
      error(node, fmt::format("{} must be an array", path));
      return nullptr;
    }
    return node->as_array();
  }

  std::optional<std::string> string(const toml::table& t, std::string_view key,
                                    const std::string& path, bool required) {
    const toml::node* node = t.get(key);
    if (!node) {
      if (required) error(nullptr, fmt::format("{} is missing", path));
      return std::nullopt;
    }
    if (!node->is_string()) {
      error(node, fmt::format("{} must be a string", path));
      return std::nullopt;
    }
    return node->as_string()->get();
  }

  std::optional<std::int64_t> integer(const toml::node* node, const std::string& path) {
    if (!node->is_integer()) {
      error(node, fmt::format("{} must be a whole number", path));
      return std::nullopt;
    }
    return node->as_integer()->get();
  }

  std::optional<std::int64_t> integer(const toml::table& t, std::string_view key,
                                      const std::string& path, bool required) {
    const toml::node* node = t.get(key);
    if (!node) {
      if (required) error(nullptr, fmt::format("{} is missing", path));
      return std::nullopt;
    }
    return integer(node, path);
  }

  // A calendar year; out of range values are refused, never truncated to int.
  std::optional<int> year(const toml::table& t, std::string_view key, bool required) {
    const std::string path(key);
    auto v = integer(t, key, path, required);
    if (!v) return std::nullopt;
    if (*v < 1900 || *v > 9999) {
      error(t.get(key), fmt::format("{} {} is not a year (1900 to 9999)", path, *v));
      return std::nullopt;
    }
    return static_cast<int>(*v);
  }

  std::optional<std::int64_t> count(const toml::node* node, const std::string& path) {
    auto v = integer(node, path);
    if (v && *v < 0) {
      error(node, fmt::format("{} must not be negative", path));
      return std::nullopt;
    }
    return v;
  }

  // A decimal: a string ("0.175"), a whole number, or a float literal whose own
  // text is read back from the document (never through its double value).
  std::optional<Money> decimal(const toml::node* node, const std::string& path) {
    std::string text;
    if (node->is_string()) {
      text = node->as_string()->get();
    } else if (node->is_integer()) {
      try {
        return Money::from_euros(node->as_integer()->get());
      } catch (const OverflowError&) {
        error(node, fmt::format("{} is too large", path));
        return std::nullopt;
      }
    } else if (node->is_floating_point()) {
      text = literal_text(*node);
      if (text.empty()) {
        error(node, fmt::format("{}: write the decimal as a string, e.g. \"0.175\"", path));
        return std::nullopt;
      }
    } else {
      error(node,
            fmt::format("{} must be a decimal number written as a string, e.g. \"0.175\"", path));
      return std::nullopt;
    }
    try {
      return Money::parse(text);
    } catch (const ValueError& e) {
      error(node, fmt::format("{}: {}; write an exact decimal as a string, e.g. \"0.175\"", path,
                              e.what()));
      return std::nullopt;
    }
  }

  std::optional<MonthDay> month_day(const toml::table& t, std::string_view key,
                                    const std::string& path) {
    auto text = string(t, key, path, true);
    if (!text) return std::nullopt;
    const std::string& s = *text;
    if (s.size() == 5 && s[2] == '-' && std::isdigit(static_cast<unsigned char>(s[0])) &&
        std::isdigit(static_cast<unsigned char>(s[1])) &&
        std::isdigit(static_cast<unsigned char>(s[3])) &&
        std::isdigit(static_cast<unsigned char>(s[4]))) {
      MonthDay md{std::stoi(s.substr(0, 2)), std::stoi(s.substr(3, 2))};
      if (is_valid_date(2001, md.month, md.day)) return md;
    }
    error(t.get(key),
          fmt::format("{} \"{}\" is not a day of the year: write MM-DD, e.g. \"03-31\"", path, s));
    return std::nullopt;
  }

 private:
  // The text of a float literal at the node's position: "0.175" from
  // `coefficient = 0.175`. Underscores between digits are dropped. Empty if
  // the literal has an exponent or is inf/nan, which cannot be exact here.
  std::string literal_text(const toml::node& node) {
    const auto& begin = node.source().begin;
    std::size_t pos = 0;
    for (std::size_t line = 1; line < begin.line && pos != std::string_view::npos; ++line) {
      pos = text_.find('\n', pos);
      if (pos != std::string_view::npos) ++pos;
    }
    if (pos == std::string_view::npos) return {};
    // Columns count code points, not bytes.
    for (std::size_t col = 1; col < begin.column && pos < text_.size(); ++col) {
      ++pos;
      while (pos < text_.size() && (static_cast<unsigned char>(text_[pos]) & 0xC0) == 0x80) ++pos;
    }
    std::string out;
    while (pos < text_.size()) {
      char c = text_[pos++];
      if ((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+') {
        out += c;
      } else if (c == '_') {
        continue;
      } else if (c == 'e' || c == 'E' || c == 'i' || c == 'n') {
        return {};
      } else {
        break;
      }
    }
    if (!out.empty() && out.front() == '+') out.erase(0, 1);
    return out;
  }

  std::string_view text_;
  const std::string& source_;
  Diagnostics& diag_;
  bool failed_ = false;
};

std::optional<EntityType> entity_type(Reader& r, const toml::node& node, const std::string& path) {
  if (!node.is_string()) {
    r.error(&node, fmt::format("{} must be an entity type written as a string", path));
    return std::nullopt;
  }
  auto type = parse_entity_type(node.as_string()->get());
  if (!type)
    r.error(&node, fmt::format("{}: \"{}\" is not an entity type", path, node.as_string()->get()));
  return type;
}

void read_bands(Reader& r, const toml::array& array, AnnualRules& annual) {
  for (std::size_t i = 0; i < array.size(); ++i) {
    const std::string path = fmt::format("annual.bands[{}]", i + 1);
    const toml::table* t = array[i].as_table();
    if (!t) {
      r.error(&array[i], path + " must be a table");
      continue;
    }
    r.only_keys(*t, path, {"up_to", "coefficient"});
    Band band;
    if (const toml::node* n = t->get("up_to")) {
      band.up_to = r.count(n, path + ".up_to");
    }
    if (const toml::node* n = t->get("coefficient")) {
      if (auto m = r.decimal(n, path + ".coefficient")) band.coefficient = *m;
    } else {
      r.error(t, path + ": coefficient is missing");
    }
    annual.bands.push_back(band);
  }
}

void read_flat_fees(Reader& r, const toml::array& array, AnnualRules& annual) {
  for (std::size_t i = 0; i < array.size(); ++i) {
    const std::string path = fmt::format("annual.flat_fees[{}]", i + 1);
    const toml::table* t = array[i].as_table();
    if (!t) {
      r.error(&array[i], path + " must be a table");
      continue;
    }
    r.only_keys(*t, path, {"label", "types", "amount", "min_population"});
    FlatFee flat;
    flat.label = r.string(*t, "label", path + ".label", false).value_or("Quota fissa");
    if (const toml::array* types = r.array(*t, "types", path + ".types", true)) {
      for (const auto& node : *types) {
        if (auto type = entity_type(r, node, path + ".types")) flat.types.push_back(*type);
      }
    }
    if (const toml::node* n = t->get("amount")) {
      if (auto m = r.decimal(n, path + ".amount")) flat.amount = *m;
    } else {
      r.error(t, path + ": amount is missing");
    }
    if (const toml::node* n = t->get("min_population"))
      flat.min_population = r.count(n, path + ".min_population");
    annual.flat_fees.push_back(flat);
  }
}

void read_annual(Reader& r, const toml::table& t, AnnualRules& annual) {
  r.only_keys(t, "[annual]", {"method", "rounding", "due", "bands", "flat_fees"});
  if (auto method = r.string(t, "method", "annual.method", true)) {
    if (auto m = parse_method(*method)) {
      annual.method = *m;
    } else {
      r.error(t.get("method"),
              fmt::format("annual.method \"{}\" must be \"flat\" or \"marginal\"", *method));
    }
  }
  if (auto rounding = r.string(t, "rounding", "annual.rounding", true)) {
    if (*rounding == "euro") {
      annual.rounding_unit = Money::from_euros(1);
    } else if (*rounding == "cent") {
      annual.rounding_unit = Money::from_cents(1);
    } else {
      r.error(t.get("rounding"),
              fmt::format("annual.rounding \"{}\" must be \"euro\" or \"cent\"", *rounding));
    }
  }
  if (auto due = r.month_day(t, "due", "annual.due")) annual.due = *due;
  if (const toml::array* bands = r.array(t, "bands", "annual.bands", true))
    read_bands(r, *bands, annual);
  if (const toml::array* flat = r.array(t, "flat_fees", "annual.flat_fees", false))
    read_flat_fees(r, *flat, annual);
}

void read_allowance(Reader& r, const toml::node& node, const std::string& path,
                    Allowance& allowance) {
  if (node.is_integer()) {
    allowance.fixed = r.count(&node, path).value_or(0);
    return;
  }
  const toml::table* t = node.as_table();
  if (!t) {
    r.error(&node, path + " must be a whole number or a table (by_population, by_type, otherwise)");
    return;
  }
  r.only_keys(*t, path, {"by_population", "by_type", "otherwise"});
  if (const toml::array* steps = r.array(*t, "by_population", path + ".by_population", false)) {
    for (std::size_t i = 0; i < steps->size(); ++i) {
      const std::string step_path = fmt::format("{}.by_population[{}]", path, i + 1);
      const toml::table* s = (*steps)[i].as_table();
      if (!s) {
        r.error(&(*steps)[i], step_path + " must be a table { up_to = ..., units = ... }");
        continue;
      }
      r.only_keys(*s, step_path, {"up_to", "units"});
      PopulationAllowance step;
      if (const toml::node* n = s->get("up_to")) step.up_to = r.count(n, step_path + ".up_to");
      if (const toml::node* n = s->get("units")) {
        step.units = r.count(n, step_path + ".units").value_or(0);
      } else {
        r.error(s, step_path + ": units is missing");
      }
      allowance.by_population.push_back(step);
    }
  }
  if (const toml::table* by_type = r.table(*t, "by_type", path + ".by_type", false)) {
    for (const auto& [key, value] : *by_type) {
      auto type = parse_entity_type(key.str());
      if (!type) {
        r.error(&value, fmt::format("{}.by_type: \"{}\" is not an entity type", path, key.str()));
        continue;
      }
      if (auto units = r.count(&value, path + ".by_type." + std::string(key.str())))
        allowance.by_type[*type] = *units;
    }
  }
  if (const toml::node* n = t->get("otherwise"))
    allowance.otherwise = r.count(n, path + ".otherwise");
}

void read_service(Reader& r, const toml::table& t, const std::string& path, Service& service) {
  r.only_keys(t, path, {"key", "label", "unit", "unit_price", "allowance", "scope", "note"});
  service.key = r.string(t, "key", path + ".key", true).value_or("");
  service.label = r.string(t, "label", path + ".label", true).value_or(service.key);
  service.unit = r.string(t, "unit", path + ".unit", false).value_or("unità");
  service.note = r.string(t, "note", path + ".note", false).value_or("");
  if (const toml::node* n = t.get("unit_price")) {
    if (n->is_string() && n->as_string()->get() == "per_event") {
      service.unit_price = std::nullopt;
    } else {
      service.unit_price = r.decimal(n, path + ".unit_price");
    }
  } else {
    r.error(&t, path + ": unit_price is missing (a decimal, or \"per_event\")");
  }
  if (auto scope = r.string(t, "scope", path + ".scope", true)) {
    if (*scope == "year") {
      service.scope = AllowanceScope::kYear;
    } else if (*scope == "convention") {
      service.scope = AllowanceScope::kConvention;
    } else if (*scope == "none") {
      service.scope = AllowanceScope::kNone;
    } else {
      r.error(t.get("scope"),
              fmt::format("{}.scope \"{}\" must be \"year\", \"convention\" or \"none\"", path,
                          *scope));
    }
  }
  if (const toml::node* n = t.get("allowance"))
    read_allowance(r, *n, path + ".allowance", service.allowance);
}

void read_document(Reader& r, const toml::table& doc, Tariff& tariff) {
  r.only_keys(doc, "the tariff",
              {"id", "title", "first_year", "convention_start", "joining", "annual", "semester",
               "services"});
  tariff.id = r.string(doc, "id", "id", true).value_or("");
  tariff.title = r.string(doc, "title", "title", false).value_or(tariff.id);
  tariff.first_year = r.year(doc, "first_year", true).value_or(0);
  tariff.convention_start = r.year(doc, "convention_start", false).value_or(tariff.first_year);
  if (auto joining = r.string(doc, "joining", "joining", false)) {
    if (auto j = parse_joining(*joining)) {
      tariff.joining = *j;
    } else {
      r.error(doc.get("joining"),
              fmt::format("joining \"{}\" must be \"whole_year\" or \"from_next_year\"", *joining));
    }
  }
  if (const toml::table* annual = r.table(doc, "annual", "annual"))
    read_annual(r, *annual, tariff.annual);
  if (const toml::table* semester = r.table(doc, "semester", "semester")) {
    r.only_keys(*semester, "[semester]", {"h1_due", "h2_due"});
    if (auto md = r.month_day(*semester, "h1_due", "semester.h1_due")) tariff.semester.h1_due = *md;
    if (auto md = r.month_day(*semester, "h2_due", "semester.h2_due")) tariff.semester.h2_due = *md;
  }
  if (const toml::array* services = r.array(doc, "services", "services", true)) {
    for (std::size_t i = 0; i < services->size(); ++i) {
      const std::string path = fmt::format("services[{}]", i + 1);
      const toml::table* t = (*services)[i].as_table();
      if (!t) {
        r.error(&(*services)[i], path + " must be a table");
        continue;
      }
      Service service;
      read_service(r, *t, path, service);
      tariff.services.push_back(std::move(service));
    }
  }
}

}  // namespace

std::optional<Tariff> parse_tariff(std::string_view text, const std::string& source,
                                   Diagnostics& diag) {
  const std::optional<toml::table> doc = parse_toml(text, source, diag);
  if (!doc) return std::nullopt;
  Reader reader(text, source, diag);
  Tariff tariff;
  tariff.source = source;
  read_document(reader, *doc, tariff);
  if (reader.failed()) return std::nullopt;
  std::vector<TariffProblem> problems = validate(tariff);
  for (const auto& p : problems) {
    // The problem names a path in the document: point at its line.
    diag.error(toml_place(source, toml::at_path(*doc, p.path).node()), p.message);
  }
  if (!problems.empty()) return std::nullopt;
  return tariff;
}

}  // namespace citfee
