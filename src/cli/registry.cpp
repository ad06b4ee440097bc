#include "cli/registry.hpp"

namespace citfee::cli {

// Each in cli/commands/NAME.cpp.
Action add_annual(CLI::App& app);
Action add_semester(CLI::App& app);
Action add_explain(CLI::App& app);
Action add_check(CLI::App& app);
Action add_ledger(CLI::App& app);
Action add_tariff(CLI::App& app);
Action add_summary(CLI::App& app);
Action add_bills(CLI::App& app);
Action add_payments(CLI::App& app);
Action add_balance(CLI::App& app);
Action add_journal(CLI::App& app);
Action add_remind(CLI::App& app);
Action add_verify(CLI::App& app);

const std::vector<Command>& commands() {
  static const std::vector<Command> list = {
      {"annual", add_annual},   {"semester", add_semester}, {"explain", add_explain},
      {"check", add_check},     {"ledger", add_ledger},     {"tariff", add_tariff},
      {"summary", add_summary}, {"bills", add_bills},       {"payments", add_payments},
      {"balance", add_balance}, {"remind", add_remind},     {"journal", add_journal},
      {"verify", add_verify},
  };
  return list;
}

}  // namespace citfee::cli
