// libFuzzer target: an events log of any bytes, read by the streaming reader
// (tiny blocks, and in parts by several threads) and by parse_csv with the
// same row rules. Any difference in counts, problems or stats is a crash.
#include <algorithm>
#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "input/byte_source.hpp"
#include "input/csv.hpp"
#include "input/events/events_reader.hpp"
#include "input/tariff_source.hpp"
#include "shipped_tariff.hpp"

using citfee::fuzz::shipped;

namespace {

const std::vector<citfee::Entity>& members() {
  static const std::vector<citfee::Entity> entities = [] {
    std::vector<citfee::Entity> out(3);
    out[0].id = "1";
    out[1].id = "017001";
    out[2].id = "ENTE-CON-UN-ID-MOLTO-LUNGO";
    for (auto& e : out) e.population = 3000;
    return out;
  }();
  return entities;
}

struct Outcome {
  std::vector<std::int64_t> counts;
  std::vector<std::string> problems;
  std::int64_t rows = 0, before = 0, after = 0;
  bool operator==(const Outcome&) const = default;
};

Outcome outcome(const citfee::EventTally& tally, const citfee::EventStats& stats,
                citfee::Diagnostics diag, bool by_line) {
  Outcome out;
  for (int period = 2026 * 2; period < 2031 * 2; ++period) {
    for (std::size_t e = 0; e < tally.entities(); ++e) {
      for (std::size_t s = 0; s < tally.services(); ++s)
        out.counts.push_back(tally.quantity(e, period, s));
    }
  }
  if (by_line) {
    std::stable_sort(diag.errors.begin(), diag.errors.end(),
                     [](const auto& a, const auto& b) { return a.where.line < b.where.line; });
  }
  for (const auto& d : diag.errors) out.problems.push_back(d.str());
  out.rows = stats.rows;
  out.before = stats.before_convention;
  out.after = stats.after_period;
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  // The first byte chooses how to cut the input; the rest is the log.
  const unsigned knobs = data[0];
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  const citfee::EventContext context(members(), shipped(), citfee::Period::parse("2027-H1"));

  citfee::EventTally general_tally = context.new_tally();
  citfee::EventStats general_stats;
  citfee::Diagnostics general_diag;
  const citfee::CsvTable table = citfee::parse_csv(text, "fuzz.csv", general_diag);
  if (!citfee::read_events_table(table, context, general_tally, general_stats, general_diag)) {
    // A wrong header stops read_events before the rows that follow it.
    const int header = table.header_line == 0 ? INT_MAX : table.header_line;
    std::erase_if(general_diag.errors, [&](const auto& d) { return d.where.line > header; });
  }

  citfee::EventTally tally = context.new_tally();
  citfee::EventStats stats;
  citfee::Diagnostics diag;
  citfee::EventReaderOptions options;
  options.block_size = 1 + (knobs & 15) * 5;
  options.threads = 1 + ((knobs >> 4) & 3);
  options.min_part = 1;
  options.max_problems = SIZE_MAX;
  auto source = citfee::memory_byte_source(text, 1 + (knobs >> 6) * 7);
  citfee::read_events(*source, "fuzz.csv", context, tally, stats, diag, options);

  if (!(outcome(tally, stats, diag, true) ==
        outcome(general_tally, general_stats, general_diag, true)))
    std::abort();
  return 0;
}
