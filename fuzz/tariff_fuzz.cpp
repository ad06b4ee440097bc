// libFuzzer target: the tariff loader on any bytes; a tariff it accepts must
// compute every fee without a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/annual.hpp"
#include "input/tariff_toml.hpp"
#include "present/tariff_text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  citfee::Diagnostics diag;
  auto tariff = citfee::parse_tariff(text, "fuzz.toml", diag);
  if (!tariff) {
    if (diag.ok()) __builtin_trap();  // a refusal must say why
    return 0;
  }
  citfee::describe_tariff(*tariff);
  citfee::Entity e;
  e.id = "1";
  e.name = "Fuzz";
  for (std::int64_t population : {1, 5000, 5001, 15001, 2000000, 100000000}) {
    e.population = population;
    for (citfee::EntityType type : citfee::kAllEntityTypes) {
      e.type = type;
      for (citfee::Method method : {citfee::Method::kFlat, citfee::Method::kMarginal}) {
        try {
          citfee::annual_fee(*tariff, method, e, tariff->first_year);
        } catch (const citfee::Error&) {
          // no rule for this type: a documented refusal
        } catch (const citfee::OverflowError&) {
          // coefficients too large for the population: refused, never wrong
        }
      }
    }
  }
  return 0;
}
