// Times the annual letters of an entities file, rendered in memory (no files
// written): each letter and the bundle on its own, with a font set-up and a
// typesetting of its own (the bundle typesets every letter again), against
// the batch that citfee runs: fonts set up once per thread, each letter
// typeset once and played into its PDF and into the bundle, the layouts of
// the texts letters share kept. Checks that both give the same bytes,
// document for document.
//
//   bench_letters ENTITIES_CSV RUNS [batch]
//
// Prints "before_ms after_ms before_cpu_ms after_cpu_ms letters identical":
// the fastest of RUNS runs of each, on the clock and in processor time (all
// threads, user and system). The machine is shared: the fastest run is the
// least disturbed, and processor time does not count the waits. With
// "batch", only the batch runs (to profile it), and "before" is 0.
#include <time.h>
#include <algorithm>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/annual.hpp"
#include "input/csv.hpp"
#include "input/entities.hpp"
#include "input/issuer_toml.hpp"
#include "input/read_file.hpp"
#include "input/tariff_source.hpp"
#include "output/statement_pdf.hpp"
#include "present/statement_annual.hpp"

using namespace citfee;

namespace {

constexpr int kYear = 2027;
constexpr const char* kTitle = "Quote annuali di adesione al CIT – anno 2027";

struct Clocks {
  std::chrono::steady_clock::time_point wall = std::chrono::steady_clock::now();
  double cpu = cpu_milliseconds();

  static double cpu_milliseconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
  }
  double wall_elapsed() const {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - wall)
        .count();
  }
  double cpu_elapsed() const { return cpu_milliseconds() - cpu; }
};

// Each letter and the bundle with a set-up and a typesetting of their own.
std::vector<std::string> one_setup_per_document(const std::vector<Statement>& statements) {
  std::vector<std::string> pdfs;
  for (const Statement& s : statements) pdfs.push_back(statement_pdf(s));
  pdfs.push_back(combined_pdf(statements, kTitle));
  return pdfs;
}

}  // namespace

int main(int argc, char** argv) {
  const bool batch_only = argc == 4 && std::string(argv[3]) == "batch";
  if (argc != 3 && !batch_only) {
    std::fprintf(stderr, "usage: bench_letters ENTITIES_CSV RUNS [batch]\n");
    return 2;
  }
  Diagnostics diag;
  const std::vector<Entity> entities =
      read_entities(parse_csv(read_input(argv[1]), argv[1], diag), diag);
  const std::vector<Tariff> tariffs = load_tariffs("", diag);
  StatementSettings settings;
  read_issuer(builtin_issuer_toml(), "issuer.toml", settings.issuer, diag);
  if (!diag.ok()) {
    std::fprintf(stderr, "bench_letters: cannot read the inputs\n");
    return 1;
  }
  settings.issuer.iban = "IT60X0542811101000000123456";
  settings.date = {2027, 1, 15};
  const Tariff& tariff = select_tariff(tariffs, kYear);
  std::vector<Statement> statements;
  for (const Entity& e : entities) {
    const AnnualFee fee = annual_fee(tariff, tariff.annual.method, e, kYear);
    statements.push_back(annual_statement(fee, tariff, settings));
  }
  const int runs = std::max(1, std::atoi(argv[2]));
  double before = 1e300;
  double after = 1e300;
  double before_cpu = 1e300;
  double after_cpu = 1e300;
  bool same = true;
  if (batch_only) {
    before = 0;
    before_cpu = 0;
  }
  for (int r = 0; r < runs; ++r) {
    std::vector<std::string> slow;
    if (!batch_only) {
      const Clocks slow_start;
      slow = one_setup_per_document(statements);
      before = std::min(before, slow_start.wall_elapsed());
      before_cpu = std::min(before_cpu, slow_start.cpu_elapsed());
    }
    const Clocks fast_start;
    const std::vector<std::string> fast = statement_pdfs(statements, kTitle);
    after = std::min(after, fast_start.wall_elapsed());
    after_cpu = std::min(after_cpu, fast_start.cpu_elapsed());
    same = same && (batch_only || slow == fast);
  }
  std::printf("%.1f %.1f %.1f %.1f %zu %s\n", before, after, before_cpu, after_cpu,
              statements.size(), same ? "yes" : "no");
  return same ? 0 : 1;
}
