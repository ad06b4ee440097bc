#include "core/entity.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <unordered_map>

#include <fmt/format.h>

#include "core/count.hpp"

namespace citfee {

namespace {

struct TypeNames {
  EntityType type;
  std::string_view key;
  std::string_view label;
};

constexpr TypeNames kTypeNames[] = {
    {EntityType::kComune, "comune", "Comune"},
    {EntityType::kCapoluogo, "capoluogo", "Comune capoluogo"},
    {EntityType::kComunitaMontana, "comunita_montana", "Comunità Montana"},
    {EntityType::kUnioneComuni, "unione_comuni", "Unione di Comuni"},
    {EntityType::kAziendaSpeciale, "azienda_speciale", "Azienda Speciale"},
    {EntityType::kAltroEnte, "altro_ente", "Altro ente pubblico"},
};

// Other spellings seen in exports, already folded by fold_name().
struct Alias {
  std::string_view folded;
  EntityType type;
};

constexpr Alias kAliases[] = {
    {"comune_capoluogo", EntityType::kCapoluogo},
    {"capoluogo_di_provincia", EntityType::kCapoluogo},
    {"unione_di_comuni", EntityType::kUnioneComuni},
    {"unione_dei_comuni", EntityType::kUnioneComuni},
    {"unione", EntityType::kUnioneComuni},
    {"azienda_speciale_consortile", EntityType::kAziendaSpeciale},
    {"azienda_consortile", EntityType::kAziendaSpeciale},
    {"altro", EntityType::kAltroEnte},
    {"altro_ente_pubblico", EntityType::kAltroEnte},
    {"ente_pubblico", EntityType::kAltroEnte},
};

}  // namespace

std::string fold_name(std::string_view text) {
  std::string out;
  bool gap = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    char letter = 0;
    if (c >= 'A' && c <= 'Z') {
      letter = static_cast<char>(c - 'A' + 'a');
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      letter = static_cast<char>(c);
    } else if (c == 0xC3 && i + 1 < text.size()) {
      // Latin-1 supplement in UTF-8: à á è é ì í ò ó ù ú and capitals.
      unsigned char d = static_cast<unsigned char>(text[i + 1]) | 0x20;
      if (d >= 0xA0 && d <= 0xA5) letter = 'a';
      if (d >= 0xA8 && d <= 0xAB) letter = 'e';
      if (d >= 0xAC && d <= 0xAF) letter = 'i';
      if (d >= 0xB2 && d <= 0xB6) letter = 'o';
      if (d >= 0xB9 && d <= 0xBC) letter = 'u';
      if (letter) ++i;
    }
    if (letter) {
      if (gap && !out.empty()) out += '_';
      gap = false;
      out += letter;
    } else {
      gap = true;
    }
  }
  return out;
}

std::string_view type_key(EntityType type) {
  for (const auto& n : kTypeNames) {
    if (n.type == type) return n.key;
  }
  return "?";
}

std::string_view type_label(EntityType type) {
  for (const auto& n : kTypeNames) {
    if (n.type == type) return n.label;
  }
  return "?";
}

std::optional<EntityType> parse_entity_type(std::string_view text) {
  const std::string folded = fold_name(text);
  for (const auto& n : kTypeNames) {
    if (folded == n.key || folded == fold_name(n.label)) return n.type;
  }
  for (const auto& a : kAliases) {
    if (folded == a.folded) return a.type;
  }
  return std::nullopt;
}

bool carries_population(EntityType type) {
  return type == EntityType::kComune || type == EntityType::kCapoluogo;
}

std::int64_t parse_population(std::string_view text) {
  if (text.empty()) {
    throw ValueError("population is missing: write the residents at 31 December, e.g. 1579");
  }
  return parse_count(text, "population", false, kMaxPopulation);
}

Entity with_population_of(const Entity& entity, int year) {
  Entity out = entity;
  use_population_of(out, year);
  return out;
}

void use_population_of(Entity& entity, int year) {
  entity.population_used = population_for_year(entity.populations, year);
  entity.population.reset();
  if (entity.population_used) entity.population = entity.population_used->residents;
}

namespace {

bool six_digit_code(std::string_view code) {
  return code.size() == 6 && code.find_first_not_of("0123456789") == std::string_view::npos;
}

std::string_view code_of(const Entity& e) {
  return e.istat.empty() ? std::string_view(e.id) : std::string_view(e.istat);
}

// Adds one figure, unless the entity already has one from these files for that year.
void add_figure(Entity& e, const PopulationFigure& f, Diagnostics& diag) {
  for (const PopulationFigure& known : e.populations) {
    if (!known.from_populations_option() || known.year != f.year) continue;
    if (known.residents != f.residents) {
      diag.error(
          f.where(),
          fmt::format("{} residents of {} ({}) at 31 December {}, but {} gives {}: keep "
                      "one of the two",
                      f.residents, e.id, e.name, *f.year, known.where().str(), known.residents));
    }
    return;
  }
  e.populations.push_back(f);
}

}  // namespace

void add_population_records(std::vector<Entity>& entities,
                            const std::vector<PopulationRecord>& records, Diagnostics& diag) {
  // ISTAT numbers Comuni only: the other bodies' ids say nothing of the layout.
  bool comuni = false;
  bool all_six = true;
  std::unordered_map<std::string, std::size_t> by_code;
  for (std::size_t i = 0; i < entities.size(); ++i) {
    if (carries_population(entities[i].type)) {
      comuni = true;
      all_six = all_six && six_digit_code(code_of(entities[i]));
    }
    by_code.emplace(std::string(code_of(entities[i])), i);
  }
  all_six = all_six && comuni;
  for (const PopulationRecord& r : records) {
    std::string code = r.code;
    if (r.numeric && all_six) code.insert(0, 6 - code.size(), '0');
    if (auto it = by_code.find(code); it != by_code.end()) {
      add_figure(entities[it->second], r.figure, diag);
    }
  }
}

std::vector<std::string> ids_short_of_zeros(const std::vector<Entity>& entities,
                                            std::size_t& width) {
  std::map<std::size_t, int> widths;
  const auto numeric = [](const std::string& id) {
    return !id.empty() &&
           std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  for (const Entity& e : entities) {
    if (numeric(e.id)) ++widths[e.id.size()];
  }
  width = 0;
  int most = 0;
  for (const auto& [w, n] : widths) {
    if (n > most) most = n, width = w;
  }
  std::vector<std::string> short_ids;
  for (const Entity& e : entities) {
    if (numeric(e.id) && e.id.size() < width) short_ids.push_back(e.id);
  }
  return short_ids;
}

}  // namespace citfee
