#include "cli/input_options.hpp"

namespace citfee::cli {

void add_populations_option(CLI::App& cmd, std::vector<std::string>& populations) {
  cmd.add_option("--populations", populations,
                 "Residents at 31 December by year: id,year,population, or an ISTAT file (POSAS "
                 "\"Popolazione residente al 1° gennaio\", or the demographic balance P2); "
                 "before the entities file's population_YYYY and population; repeatable");
}

void add_sheet_option(CLI::App& cmd, std::string& sheet) {
  cmd.add_option("--sheet", sheet,
                 "The sheet to read of every .xlsx input (default: the first sheet)")
      ->type_name("NAME");
}

void add_events_option(CLI::App& cmd, std::vector<std::string>& events) {
  cmd.add_option(
      "--events", events,
      "Event log CSV, one row per event: id,date,service[,quantity[,unit_price]], dates as "
      "2026-03-14 or 14/03/2026; repeatable; - for standard input");
}

}  // namespace citfee::cli
