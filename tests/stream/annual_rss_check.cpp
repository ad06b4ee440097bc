// Runs the built citfee annual on 7,904 Comuni, as many as Italy has, once
// with one population column and once with eleven (population_2016 to
// population_2026), and checks that the figures of ten more years add little
// to its peak memory: a run refers to the entities it loaded rather than
// copying them, and a figure names its file once per file.
//
//   annual_rss_check CITFEE WORK_DIR MAX_RATIO_PERCENT
//
// Peak resident memory comes from wait4; the run with eleven columns may
// take at most MAX_RATIO_PERCENT of the run with one.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

namespace {

constexpr int kComuni = 7904;
constexpr int kFirstYear = 2016;
constexpr int kLastYear = 2026;

// Deterministic entities: six-digit ISTAT-like ids, 300 to 200,299 residents,
// each year a little apart from the one before.
void write_entities(const std::string& path, int first_year) {
  std::ofstream out(path);
  out << "id,name,type";
  for (int y = first_year; y <= kLastYear; ++y) out << ",population_" << y;
  out << "\n";
  std::uint64_t state = 7;
  for (int i = 1; i <= kComuni; ++i) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    const long long residents = 300 + static_cast<long long>((state >> 33) % 200000);
    char id[16];
    std::snprintf(id, sizeof id, "%03d%03d", 1 + i / 1000, i % 1000);
    out << id << ",Comune di Prova " << i << ",comune";
    for (int y = first_year; y <= kLastYear; ++y) out << "," << residents + (kLastYear - y) * 3;
    out << "\n";
  }
}

// The peak resident memory of `citfee annual` on `entities`, in KiB; -1 when
// it did not run or did not succeed.
long peak_kib(const std::string& citfee, const std::string& entities, const std::string& output) {
  const pid_t pid = ::fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    const int out = ::open(output.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int null = ::open("/dev/null", O_WRONLY);
    if (out < 0 || null < 0) ::_exit(127);
    ::dup2(out, 1);
    ::dup2(null, 2);  // the warnings of band changes
    std::vector<std::string> args = {citfee,       "annual", "--year", "2027",
                                     "--entities", entities, "-O",     "csv"};
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  int status = 0;
  struct rusage usage {};
  if (::wait4(pid, &status, 0, &usage) != pid) return -1;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::fprintf(stderr, "citfee annual --entities %s failed (status %d)\n", entities.c_str(),
                 status);
    return -1;
  }
  return usage.ru_maxrss;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: annual_rss_check CITFEE WORK_DIR MAX_RATIO_PERCENT\n");
    return 2;
  }
  const std::string citfee = argv[1];
  const std::string dir = argv[2];
  const long max_percent = std::atol(argv[3]);
  // Long names, as real paths are: a name short enough to sit inside its
  // string would hide the cost of copying it into every figure.
  const std::string one = dir + "/annual-rss-entities-of-italy-with-one-population-column.csv";
  const std::string eleven =
      dir + "/annual-rss-entities-of-italy-with-eleven-population-columns.csv";
  write_entities(one, kLastYear);
  write_entities(eleven, kFirstYear);
  const long one_kib = peak_kib(citfee, one, dir + "/annual-rss-one.out");
  const long eleven_kib = peak_kib(citfee, eleven, dir + "/annual-rss-eleven.out");
  if (one_kib <= 0 || eleven_kib <= 0) return 1;
  const long percent = eleven_kib * 100 / one_kib;
  std::printf(
      "annual on %d Comuni, peak memory: one population column %ld KiB, eleven %ld KiB "
      "(%ld%%, at most %ld%%)\n",
      kComuni, one_kib, eleven_kib, percent, max_percent);
  if (percent > max_percent) {
    std::fprintf(stderr,
                 "FAIL: eleven population columns take %ld%% of the memory of one, more than "
                 "%ld%%\n",
                 percent, max_percent);
    return 1;
  }
  return 0;
}
