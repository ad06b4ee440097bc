// libFuzzer target: a usage file of any bytes read against the shipped
// tariff, built into a ledger and billed for every period it mentions.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/semester.hpp"
#include "input/csv.hpp"
#include "input/tariff_source.hpp"
#include "input/usage.hpp"
#include "output/formats.hpp"
#include "present/semester_rows.hpp"
#include "shipped_tariff.hpp"

using citfee::fuzz::shipped;

namespace {

std::vector<citfee::Entity> entities() {
  std::vector<citfee::Entity> out(3);
  out[0].id = "1";
  out[0].type = citfee::EntityType::kComune;
  out[0].population = 3000;
  out[1].id = "2";
  out[1].type = citfee::EntityType::kCapoluogo;
  out[1].population = 196670;
  out[2].id = "3";
  out[2].type = citfee::EntityType::kComunitaMontana;
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const citfee::Tariff& tariff = shipped();
  static const std::vector<citfee::Entity> members = entities();
  citfee::Diagnostics diag;
  citfee::WideRowIndex index;
  citfee::CsvTable table = citfee::parse_csv(text, "fuzz.csv", diag);
  auto records = citfee::read_usage(table, tariff, index, diag);
  citfee::LedgerNotes notes;
  citfee::UsageLedger ledger =
      citfee::build_ledger(records, members, tariff, std::nullopt, diag, notes);
  for (citfee::Period period : ledger.periods()) {
    std::vector<citfee::SemesterBill> bills;
    for (const auto& e : members) bills.push_back(citfee::semester_bill(tariff, ledger, e, period));
    citfee::WriteOptions options;
    citfee::render(citfee::semester_lines_report(bills, tariff, period), "csv", options);
    citfee::render(citfee::semester_entities_report(bills, tariff, period), "json", options);
  }
  return 0;
}
