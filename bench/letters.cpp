// Times the annual letters of an entities file, rendered in memory (no files
// written): one font set-up per document, as citfee did before, against the
// batch that sets fonts up once per thread; and checks that both give the
// same bytes, document for document.
//
//   bench_letters ENTITIES_CSV RUNS
//
// Prints "before_ms after_ms letters pages_identical" for the fastest of RUNS
// runs of each (the machine is shared: the fastest is the least disturbed).
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

double milliseconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

// What citfee wrote before: each letter and the bundle with a set-up of their own.
std::vector<std::string> one_setup_per_document(const std::vector<Statement>& statements) {
  std::vector<std::string> pdfs;
  for (const Statement& s : statements) pdfs.push_back(statement_pdf(s));
  pdfs.push_back(combined_pdf(statements, kTitle));
  return pdfs;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: bench_letters ENTITIES_CSV RUNS\n");
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
  bool same = true;
  for (int r = 0; r < runs; ++r) {
    auto start = std::chrono::steady_clock::now();
    const std::vector<std::string> slow = one_setup_per_document(statements);
    before = std::min(before, milliseconds_since(start));
    start = std::chrono::steady_clock::now();
    const std::vector<std::string> fast = statement_pdfs(statements, kTitle);
    after = std::min(after, milliseconds_since(start));
    same = same && slow == fast;
  }
  std::printf("%.1f %.1f %zu %s\n", before, after, statements.size(), same ? "yes" : "no");
  return same ? 0 : 1;
}
