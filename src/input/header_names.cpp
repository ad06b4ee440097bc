#include "input/header_names.hpp"

#include <map>
#include <optional>

#include <fmt/format.h>

#include "core/entity.hpp"

namespace citfee {

namespace {

// Italian (folded) → English. The English names are the SPEC's.
const std::map<std::string, std::string, std::less<>>& italian_names() {
  static const std::map<std::string, std::string, std::less<>> names = {
      {"codice", "id"},
      {"codice_ente", "id"},
      {"denominazione", "name"},
      {"nome", "name"},
      {"ente", "name"},
      {"tipo", "type"},
      {"tipologia", "type"},
      {"abitanti", "population"},
      {"popolazione", "population"},
      {"residenti", "population"},
      {"periodo", "period"},
      {"semestre", "period"},
      {"servizio", "service"},
      {"quantita", "quantity"},
      {"prezzo_unitario", "unit_price"},
      {"prezzo", "unit_price"},
      {"data", "date"},
      {"adesione", "joined"},
      {"data_adesione", "joined"},
      {"recesso", "left"},
      {"data_recesso", "left"},
      {"anno", "year"},
      {"codice_fiscale", "tax_code"},
      {"descrizione", "description"},
      {"causale", "description"},
      {"importo", "amount"},
      {"ordinante", "payer"},
      {"id_operazione", "transaction_id"},
      {"data_valuta", "value_date"},
      {"codice_istat", "istat"},
  };
  return names;
}

// "popolazione_2026" → "population_2026".
std::optional<std::string> english_year_column(std::string_view name) {
  for (std::string_view prefix : {"popolazione_", "abitanti_", "residenti_"}) {
    if (name.size() == prefix.size() + 4 && name.substr(0, prefix.size()) == prefix &&
        name.substr(prefix.size()).find_first_not_of("0123456789") == std::string_view::npos)
      return "population_" + std::string(name.substr(prefix.size()));
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> english_column(std::string_view name) {
  const auto it = italian_names().find(name);
  if (it != italian_names().end()) return it->second;
  return english_year_column(name);
}

bool apply_header_names(CsvTable& table, Diagnostics& diag) {
  std::map<std::string, std::string, std::less<>> named_by;  // English name → cell that gave it
  bool ok = true;
  for (std::size_t i = 0; i < table.header.size(); ++i) {
    std::string& cell = table.header[i];
    const std::string english = english_column(fold_name(cell)).value_or(cell);
    const auto [it, fresh] = named_by.emplace(english, cell);
    // The same name twice is check_header's to report; two names for one
    // column are reported here, as the user wrote them.
    if (!fresh && it->second != cell) {
      diag.error({table.file, table.header_line, static_cast<int>(i + 1), table.column_letters},
                 fmt::format("the columns \"{}\" and \"{}\" both name the {} column: keep one",
                             it->second, cell, english));
      ok = false;
      continue;  // left as written, so that check_header says nothing more of it
    }
    cell = english;
  }
  if (table.column("id") < 0) {
    const int istat = table.column("istat");
    if (istat >= 0) table.header[static_cast<std::size_t>(istat)] = "id";
  }
  return ok;
}

}  // namespace citfee
