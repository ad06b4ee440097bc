// Reads a --populations file: residents at 31 December of a year, per code.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/population.hpp"
#include "input/csv.hpp"

namespace citfee {

// Three layouts, told apart by the header:
// - long CSV: id,year,population (codice,anno,popolazione|abitanti), `year`
//   the N of "31 December N";
// - ISTAT POSAS: a title line "Popolazione residente al 1° gennaio YYYY",
//   then "Codice comune";"Comune";"Età";...;"Totale", one row per age 0-100
//   and the total in the row of age 999 (checked against the sum), maybe a
//   final note line; also the older comma layout with "Totale Maschi" and
//   "Totale Femmine". 1 January YYYY gives 31 December YYYY-1;
// - ISTAT demographic balance (P2): a title line with the year, and the
//   column "Popolazione al 31 dicembre - Totale".
// `bytes` may be UTF-8 or Windows-1252. Problems go to `diag`; a title saying
// the figures are an estimate or provisional is a warning.
std::vector<PopulationRecord> read_populations(std::string_view bytes, const std::string& file,
                                               Diagnostics& diag);

// The long layout (id,year,population) from a table already read, as a
// workbook's sheet is.
std::vector<PopulationRecord> read_population_table(const CsvTable& table, Diagnostics& diag);

}  // namespace citfee
