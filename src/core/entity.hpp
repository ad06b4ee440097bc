// Member entities of the Convention.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/membership.hpp"
#include "core/population.hpp"

namespace citfee {

enum class EntityType {
  kComune,
  kCapoluogo,
  kComunitaMontana,
  kUnioneComuni,
  kAziendaSpeciale,
  kAltroEnte,
};

inline constexpr EntityType kAllEntityTypes[] = {
    EntityType::kComune,       EntityType::kCapoluogo,       EntityType::kComunitaMontana,
    EntityType::kUnioneComuni, EntityType::kAziendaSpeciale, EntityType::kAltroEnte,
};

// The key written in files: comune, capoluogo, comunita_montana, ...
std::string_view type_key(EntityType type);
// Italian label for people: "Comunità Montana".
std::string_view type_label(EntityType type);
// A name as spellings are compared: ASCII lower-cased, the accents of Italian
// vowels dropped, every run of other characters one underscore
// ("Comunità  Montana" -> comunita_montana). For type names, column names and
// the references a payment's description gives.
std::string fold_name(std::string_view text);
// Accepts the keys and the Italian spellings, in any case ("Unione di Comuni").
std::optional<EntityType> parse_entity_type(std::string_view text);
// Comuni (the capoluogo among them) carry a population; other entities do not.
bool carries_population(EntityType type);

// Largest population accepted: above every Italian Comune by far, and small
// enough that no fee computed from it can overflow.
inline constexpr std::int64_t kMaxPopulation = 100'000'000;

struct Entity {
  std::string id;
  std::string name;
  EntityType type = EntityType::kComune;
  // The residents a run counts: the figure of its year once
  // with_population_of() chose it; as read, the undated `population`.
  std::optional<std::int64_t> population;
  std::optional<PopulationFigure> population_used;  // where `population` came from
  std::vector<PopulationFigure> populations;        // every figure known, of any year
  std::string istat;                                // ISTAT code, when ids are something else
  Membership membership;
  std::string tax_code;
  std::string pec;
  Location where;  // the row it was read from
};

// Parses a population: a positive whole number written with digits only.
// Throws ValueError with a hint ("1.579": write 1579).
std::int64_t parse_population(std::string_view text);

// The entity as a run needing the residents at 31 December `year` sees it:
// `population` and `population_used` from population_for_year(), or empty
// when no source gives that year.
Entity with_population_of(const Entity& entity, int year);
// The same in place, for a run that refers to the entities it loaded rather
// than copying each with all its figures.
void use_population_of(Entity& entity, int year);

// Adds the figures read from populations files to the entities whose code
// (the `istat` column, else the id) they name. A code written without its
// leading zeros (17001) matches a six-digit one only when every Comune's code
// has six digits. Two different figures for one entity and year are an
// error; codes of no entity are left out (an ISTAT file covers a province).
void add_population_records(std::vector<Entity>& entities,
                            const std::vector<PopulationRecord>& records, Diagnostics& diag);

// Ids of digits only that are shorter than most such ids of the file (17001
// among 017001, 017002…): Excel took their leading zeros. Empty when the
// numeric ids all have one width. `width` is set to the usual one.
std::vector<std::string> ids_short_of_zeros(const std::vector<Entity>& entities,
                                            std::size_t& width);

}  // namespace citfee
