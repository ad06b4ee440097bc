// libFuzzer target: a payments file of any bytes (CSV or camt.053 XML), read
// and matched against two bills, then written as a report.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/balance.hpp"
#include "core/payment.hpp"
#include "input/payments.hpp"
#include "output/formats.hpp"
#include "present/payments_rows.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  citfee::Diagnostics diag;
  std::string bytes(reinterpret_cast<const char*>(data), size);
  citfee::PaymentsFile file = citfee::read_payments(std::move(bytes), "fuzz.csv", diag);
  std::vector<citfee::IssuedBill> bills(2);
  bills[0].number = "QA-2027/0001";
  bills[0].reference = "CIT-QA-2027-017001";
  bills[0].tax_code = "00848860175";
  bills[0].total = citfee::Money::parse("298.00");
  bills[1].number = "QV-2026/0001";
  bills[1].reference = "CIT-QV-2026-H1-017001";
  bills[1].total = citfee::Money::parse("-20.00");
  citfee::PaidByBill paid;
  for (citfee::Payment& p : file.payments) {
    const citfee::MatchFound m = citfee::match_payment(p, bills, paid);
    if (m.bill) {
      p.bill = m.bill->number;
      paid[p.bill] += p.amount;
    }
  }
  const auto balances = citfee::bill_balances(bills, file.payments, {}, {2027, 12, 31});
  citfee::render(citfee::payments_report(file.payments, bills), "csv", {});
  citfee::render(citfee::bill_balance_report(balances, {2027, 12, 31}), "json", {});
  return 0;
}
