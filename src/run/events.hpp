// Event logs read into the usage ledger.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/entity.hpp"
#include "core/error.hpp"
#include "core/tariff.hpp"
#include "core/usage_ledger.hpp"
#include "input/events/events_reader.hpp"

namespace citfee {

// Streams the event logs into the ledger, counting the events up to `last`
// (all if none); problems and notes go to `diag`.
EventStats add_events(const std::vector<std::string>& paths, const std::vector<Entity>& entities,
                      const Tariff& tariff, std::optional<Period> last, UsageLedger& ledger,
                      Diagnostics& diag);

}  // namespace citfee
