// Event logs on the command line: the --events option, and reading the logs
// into the usage ledger.
#include <fmt/format.h>

#include "cli/events.hpp"
#include "input/byte_source.hpp"
#include "input/events/events_reader.hpp"
#include "input/read_file.hpp"

namespace citfee::cli {

void add_events_option(CLI::App& cmd, std::vector<std::string>& events) {
  cmd.add_option(
      "--events", events,
      "Event log CSV, one row per event: id,date,service[,quantity[,unit_price]], dates as "
      "2026-03-14 or 14/03/2026; repeatable; - for standard input");
}

EventStats add_events(const std::vector<std::string>& paths, const std::vector<Entity>& entities,
                      const Tariff& tariff, std::optional<Period> last, UsageLedger& ledger,
                      Diagnostics& diag) {
  EventStats total;
  if (paths.empty()) return total;
  const EventContext context(entities, tariff, last);
  EventTally tally = context.new_tally();
  for (const std::string& path : paths) {
    const std::string shown = display_name(path);
    EventStats stats;
    read_events(*open_byte_source(path), shown, context, tally, stats, diag);
    if (stats.before_convention > 0) {
      diag.warning({shown, 0, 0},
                   fmt::format("{} event(s) before {} belong to the previous convention: ignored, "
                               "they use none of the new allowances",
                               stats.before_convention, tariff.convention_start));
    }
    total.add(stats);
  }
  // Counts only: added once the logs are read, after the usage files' rows.
  tally.check_sums(entities, tariff, display_name(paths.front()), diag);
  if (diag.ok()) tally.fill(ledger, entities, tariff);
  return total;
}

}  // namespace citfee::cli
