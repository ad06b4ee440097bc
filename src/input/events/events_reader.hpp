// Reads raw event logs: one row per event, `id,date,service[,quantity[,unit_price]]`
// (and an optional `name` column, ignored). Each event adds `quantity` units
// (1 when the column is absent or the cell empty) of `service` to the entity's
// semester containing `date` (YYYY-MM-DD or DD/MM/YYYY). `unit_price` follows
// the rule of the long usage layout: required for a service priced per event,
// refused for one the tariff prices.
//
// Every row is checked. Events before the convention began, and after the
// last period wanted, are counted aside and otherwise ignored; an unknown id
// or service is an error only between the two.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/entity.hpp"
#include "core/event_tally.hpp"
#include "core/tariff.hpp"
#include "input/byte_source.hpp"
#include "input/csv.hpp"

namespace citfee {

// Up to 16 bytes of text as two zero-padded words: short keys (ids, service
// keys) compare and hash in a few integer operations.
struct ShortKey {
  static constexpr std::size_t kMax = 16;
  std::uint64_t lo = 0;
  std::uint64_t hi = 0;
  std::uint64_t size = 0;

  // Branch-free: the three words differ or not.
  bool operator==(const ShortKey& o) const {
    return ((lo ^ o.lo) | (hi ^ o.hi) | (size ^ o.size)) == 0;
  }

  // `text` of at most kMax bytes.
  static ShortKey of(std::string_view text) {
    char bytes[kMax] = {};
    std::memcpy(bytes, text.data(), std::min(text.size(), kMax));  // longer: matches no padded key
    ShortKey key;
    std::memcpy(&key.lo, bytes, 8);
    std::memcpy(&key.hi, bytes + 8, 8);
    key.size = text.size();
    return key;
  }

  // The same for `size` <= kMax bytes at `p`, reading 16 bytes from p
  // whatever the size: for a buffer with room to spare after its data.
  static ShortKey of_padded(const char* p, std::size_t size) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    ShortKey key;
    std::memcpy(&key.lo, p, 8);
    std::memcpy(&key.hi, p + 8, 8);
    // The first byte is the lowest: keep the low `size` bytes.
    if (size < 8) {
      key.lo &= (std::uint64_t{1} << (8 * size)) - 1;
      key.hi = 0;
    } else {
      key.hi &= size == 8 ? 0 : (~std::uint64_t{0} >> (8 * (16 - size)));
    }
    key.size = size;
    return key;
#else
    return of({p, size});
#endif
  }

  // Fibonacci hashing: the top bits of the product depend on every bit of
  // the key (the low ones would not see the last bytes of "017001").
  std::uint64_t hash() const {
    return (lo ^ (hi * 0xc2b2ae3d27d4eb4fULL) ^ size) * 0x9e3779b97f4a7c15ULL;
  }
};

// Short keys to indexes, by open addressing in a table at most half full.
class ShortKeyTable {
 public:
  explicit ShortKeyTable(std::size_t keys = 0);
  // Adds `key` (not yet in the table) for `index` >= 0.
  void insert(const ShortKey& key, int index);
  // The index of `key`, or -1.
  int find(const ShortKey& key) const {
    for (std::size_t slot = key.hash() >> shift_;; slot = (slot + 1) & mask_) {
      const Slot& s = slots_[slot];
      if (s.index < 0 || s.key == key) return s.index;
    }
  }

 private:
  struct Slot {
    ShortKey key;
    int index = -1;  // -1: a free slot
  };
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  int shift_ = 0;  // 64 - log2(slots)
};

// What event rows are checked against, prepared once for every file: the
// entities by id, the tariff's services, the range of periods counted.
class EventContext {
 public:
  // `last`: the last period counted; none for every period.
  EventContext(const std::vector<Entity>& entities, const Tariff& tariff,
               std::optional<Period> last);

  // Index of the entity with this id, or -1.
  int find_entity(std::string_view id) const;
  // Index of the tariff service with this key (lower case), or -1.
  int find_service(std::string_view key) const;

  // The same two for text in a buffer readable 16 bytes past `p`: the hot
  // path. -1 also for a text longer than a ShortKey (ask the two above).
  int find_entity_padded(const char* p, std::size_t size) const {
    return size > ShortKey::kMax ? -1 : entity_keys_.find(ShortKey::of_padded(p, size));
  }
  int find_service_padded(const char* p, std::size_t size) const {
    return size > ShortKey::kMax ? -1 : service_keys_.find(ShortKey::of_padded(p, size));
  }

  const std::vector<Entity>& entities() const { return *entities_; }
  const Tariff& tariff() const { return *tariff_; }
  int first_period() const { return first_; }  // ordinal: convention start, H1
  int last_period() const { return last_; }    // ordinal; INT_MAX when open
  bool priced(std::size_t service) const { return priced_[service] != 0; }
  // Whether the entity joined or left during the convention: its events'
  // dates must fall inside its membership.
  bool bounded(int entity) const { return bounded_[static_cast<std::size_t>(entity)] != 0; }

  EventTally new_tally() const;

 private:
  const std::vector<Entity>* entities_;
  const Tariff* tariff_;
  std::unordered_map<std::string_view, int> by_id_;  // every id, however long
  ShortKeyTable entity_keys_;                        // the ids of up to 16 bytes
  ShortKeyTable service_keys_;                       // the keys of up to 16 bytes
  std::vector<char> priced_;                         // by service: the tariff has its price
  std::vector<char> bounded_;                        // by entity: joined or left
  int first_ = 0;
  int last_ = 0;
};

// What was read, beyond the counts.
struct EventStats {
  std::int64_t rows = 0;               // event rows (blank lines are not rows)
  std::int64_t before_convention = 0;  // ignored: the previous convention's
  std::int64_t after_period = 0;       // ignored: after the last period counted

  void add(const EventStats& other);
};

struct EventReaderOptions {
  std::size_t block_size = 256 * 1024;  // bytes read at a time, per thread
  unsigned threads = 0;                 // 0: one per processor, at most 4
  std::uint64_t min_part = 16 << 20;    // bytes a thread is worth starting for
  std::size_t max_problems = 1000;      // per file; beyond, counted, not kept
};

// Streams one events file from `source` into `tally` in blocks: memory stays
// bounded whatever the file's length. Same CSV rules and messages as
// parse_csv (BOM, comma or semicolon, quotes, CRLF); problems go to `diag`,
// each with file:line:column, in the order of the lines. A header that
// cannot be read as events stops the reading: its problems are reported, not
// the rows' that would follow from it. A large file that can be read at
// offsets is read by several threads, each from a line start, and put
// together in order.
void read_events(ByteSource& source, const std::string& file, const EventContext& context,
                 EventTally& tally, EventStats& stats, Diagnostics& diag,
                 const EventReaderOptions& options = {});

// The same rules over a table already read by parse_csv: small inputs, and
// the reference the streaming reader is tested against. False when the
// header cannot be read as events (no row is read).
bool read_events_table(const CsvTable& table, const EventContext& context, EventTally& tally,
                       EventStats& stats, Diagnostics& diag);

}  // namespace citfee
