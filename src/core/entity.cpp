#include "core/entity.hpp"

#include <string>

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

// Other spellings seen in exports, already folded by fold_type_name().
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
    {"altro", EntityType::kAltroEnte},
    {"altro_ente_pubblico", EntityType::kAltroEnte},
    {"ente_pubblico", EntityType::kAltroEnte},
};

// Lower-cases ASCII, drops the accents of Italian vowels and turns every run
// of other characters into one underscore: "Comunità  Montana" -> comunita_montana.
std::string fold_type_name(std::string_view text) {
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

}  // namespace

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
  const std::string folded = fold_type_name(text);
  for (const auto& n : kTypeNames) {
    if (folded == n.key || folded == fold_type_name(n.label)) return n.type;
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

}  // namespace citfee
