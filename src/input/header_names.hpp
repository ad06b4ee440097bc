// Italian column names: every input reads `codice;denominazione;tipo;abitanti`
// as it reads `id,name,type,population`, whatever the case and accents.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "input/csv.hpp"

namespace citfee {

// The English column a name stands for ("abitanti" → "population",
// "popolazione_2026" → "population_2026"), folded by fold_name ("Quantità"
// → "quantita"); nothing when it names none.
std::optional<std::string> english_column(std::string_view folded);

// Renames the header's Italian columns to their English names, in place.
// Names that mean nothing here are left as they were written. A column
// named both ways ("id" and "codice") is an error, reported once; "istat" or
// "codice_istat" is the id column when there is no other. False on an error.
bool apply_header_names(CsvTable& table, Diagnostics& diag);

}  // namespace citfee
