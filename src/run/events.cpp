// Event logs read into the usage ledger.
#include <fmt/format.h>

#include "input/byte_source.hpp"
#include "input/events/events_reader.hpp"
#include "input/read_file.hpp"
#include "run/events.hpp"

namespace citfee {

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

}  // namespace citfee
