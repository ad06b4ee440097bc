// Runs the built citfee on large generated event logs, through a pipe and
// from a file, and checks that what it counts is what was written and that
// its peak memory does not grow with the log:
//
//   rss_check CITFEE WORK_DIR EVENTS MAX_RSS_MIB
//
// The counts are made here, as the log is written, independently of citfee.
// Peak resident memory comes from wait4: it must stay under MAX_RSS_MIB, and
// grow by less than 16 MiB from a log of 20,000 events to one of EVENTS.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

namespace {

using Counts =
    std::map<std::tuple<std::string, std::string, std::string>, long long>;  // id, period, service

constexpr int kEntities = 60;
const char* const kServices[] = {"telemaco", "pec", "firme", "rinnovi"};

std::string entity_id(int i) {
  char id[16];
  std::snprintf(id, sizeof id, "T%03d", i);
  return id;
}

void write_entities(const std::string& path) {
  std::ofstream out(path);
  out << "id,name,type,population\n";
  for (int i = 0; i < kEntities; ++i)
    out << entity_id(i) << ",Ente " << i << ",comune," << 1000 + i << "\n";
}

// Writes `count` events to `fd` and counts them into `counts`. One event in
// eight is dated DD/MM/YYYY; lines end with CRLF one time in five.
bool write_events(int fd, long long count, Counts& counts) {
  std::uint64_t state = 12345;
  std::string block = "id,date,service,quantity\n";
  for (long long i = 0; i < count; ++i) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    const std::uint64_t r = state >> 16;
    const int entity = static_cast<int>(r % kEntities);
    const int year = 2026 + static_cast<int>((r >> 8) % 2);
    const int month = 1 + static_cast<int>((r >> 12) % 12);
    const int day = 1 + static_cast<int>((r >> 16) % 28);
    const char* service = kServices[(r >> 24) % 4];
    const int quantity = 1 + static_cast<int>((r >> 28) % 3);
    const bool italian = (r >> 32) % 8 == 0;
    const char* end = (r >> 36) % 5 == 0 ? "\r\n" : "\n";
    char line[96];
    const std::string id = entity_id(entity);
    const int n = italian ? std::snprintf(line, sizeof line, "%s,%02d/%02d/%d,%s,%d%s", id.c_str(),
                                          day, month, year, service, quantity, end)
                          : std::snprintf(line, sizeof line, "%s,%d-%02d-%02d,%s,%d%s", id.c_str(),
                                          year, month, day, service, quantity, end);
    block.append(line, static_cast<std::size_t>(n));
    const std::string period = std::to_string(year) + (month <= 6 ? "-H1" : "-H2");
    counts[{id, period, service}] += quantity;
    if (block.size() >= (1 << 16) || i + 1 == count) {
      for (std::size_t done = 0; done < block.size();) {
        const ssize_t w = ::write(fd, block.data() + done, block.size() - done);
        if (w < 0) return false;
        done += static_cast<std::size_t>(w);
      }
      block.clear();
    }
  }
  return true;
}

struct Run {
  int status = -1;
  long max_rss_kib = 0;
};

// In a child process: runs citfee with standard input from `input_fd` and
// standard output into the file `output`.
[[noreturn]] void exec_citfee(const std::vector<std::string>& args, int input_fd,
                              const std::string& output) {
  const int out = ::open(output.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  ::dup2(input_fd, 0);
  ::dup2(out, 1);
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  ::execv(argv[0], argv.data());
  std::_Exit(127);
}

Run wait_citfee(pid_t pid) {
  Run run;
  int status = 0;
  struct rusage usage {};
  ::wait4(pid, &status, 0, &usage);
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  run.max_rss_kib = usage.ru_maxrss;
  return run;
}

// Reads citfee ledger's CSV output (id,name,period,service,quantity,unit_price).
Counts read_ledger(const std::string& path) {
  Counts counts;
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream cells(line);
    for (std::string cell; std::getline(cells, cell, ',');) f.push_back(cell);
    if (f.size() >= 5) counts[{f[0], f[2], f[3]}] += std::atoll(f[4].c_str());
  }
  return counts;
}

// One run of `count` events, through a pipe or from a file.
bool check(const std::string& citfee, const std::string& dir, long long count, bool from_file,
           long& rss_kib) {
  const std::string entities = dir + "/rss-enti.csv";
  const std::string output = dir + "/rss-ledger.csv";
  const std::string log = dir + "/rss-events.csv";
  write_entities(entities);
  Counts expected;
  Run run;
  const std::vector<std::string> args = {
      citfee, "ledger", "--entities", entities, "--events", from_file ? log : "-", "-O", "csv"};
  if (from_file) {
    const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0 || !write_events(fd, count, expected)) return false;
    ::close(fd);
    const int in = ::open(log.c_str(), O_RDONLY);
    const pid_t pid = ::fork();
    if (pid == 0) exec_citfee(args, in, output);
    ::close(in);
    run = wait_citfee(pid);
    ::unlink(log.c_str());
  } else {
    int pipe_fds[2];
    if (::pipe(pipe_fds) != 0) return false;
    const pid_t pid = ::fork();
    if (pid == 0) {
      ::close(pipe_fds[1]);
      exec_citfee(args, pipe_fds[0], output);
    }
    ::close(pipe_fds[0]);
    const bool written = write_events(pipe_fds[1], count, expected);
    ::close(pipe_fds[1]);
    run = wait_citfee(pid);
    if (!written) return false;
  }
  rss_kib = run.max_rss_kib;
  const Counts got = read_ledger(output);
  std::printf("%lld events %s: exit %d, peak RSS %ld KiB, %zu counts\n", count,
              from_file ? "from a file" : "through a pipe", run.status, run.max_rss_kib,
              got.size());
  if (run.status != 0) return false;
  if (got != expected) {
    std::printf("FAIL: the counts differ from the ones written (%zu expected)\n", expected.size());
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: rss_check CITFEE WORK_DIR EVENTS MAX_RSS_MIB\n");
    return 2;
  }
  const std::string citfee = argv[1];
  const std::string dir = argv[2];
  const long long events = std::atoll(argv[3]);
  const long max_rss_kib = std::atol(argv[4]) * 1024;
  bool ok = true;
  for (bool from_file : {false, true}) {
    long small = 0;
    long large = 0;
    ok = check(citfee, dir, 20000, from_file, small) && ok;
    ok = check(citfee, dir, events, from_file, large) && ok;
    if (large > max_rss_kib) {
      std::printf("FAIL: peak RSS %ld KiB is over %ld KiB\n", large, max_rss_kib);
      ok = false;
    }
    if (large - small > 16 * 1024) {
      std::printf(
          "FAIL: peak RSS grew by %ld KiB with the log: it should not grow with the events\n",
          large - small);
      ok = false;
    }
  }
  std::printf(ok ? "ok\n" : "FAILED\n");
  return ok ? 0 : 1;
}
