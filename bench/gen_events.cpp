// Writes a deterministic raw event log for the benchmark:
//
//   gen_events ENTITIES_CSV COUNT SEED > events.csv
//
// Header id,date,service,quantity; ids from the first column of the
// entities file; dates in 2026-2028 (one in ten written DD/MM/YYYY, as
// Italian exports do); services weighted like a real log (mostly Telemaco);
// quantity 1 for nine events in ten, else 2 to 5. The same arguments always
// give the same bytes.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

namespace {

// splitmix64: small, fast, and the same on every machine.
std::uint64_t next_random(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::vector<std::string> read_ids(const char* path) {
  std::ifstream in(path);
  std::vector<std::string> ids;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::string id = line.substr(0, line.find(','));
    if (!id.empty()) ids.push_back(id);
  }
  return ids;
}

const char* service_of(std::uint64_t r) {
  const unsigned p = static_cast<unsigned>(r % 100);
  if (p < 85) return "telemaco";
  if (p < 92) return "pec";
  if (p < 96) return "firme";
  return "rinnovi";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: gen_events ENTITIES_CSV COUNT SEED > events.csv\n");
    return 2;
  }
  const std::vector<std::string> ids = read_ids(argv[1]);
  if (ids.empty()) {
    std::fprintf(stderr, "gen_events: no ids in %s\n", argv[1]);
    return 1;
  }
  const long long count = std::atoll(argv[2]);
  std::uint64_t state = std::strtoull(argv[3], nullptr, 10);
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  std::string out = "id,date,service,quantity\n";
  char line[128];
  for (long long i = 0; i < count; ++i) {
    const std::uint64_t r = next_random(state);
    const std::string& id = ids[r % ids.size()];
    const int year = 2026 + static_cast<int>((r >> 16) % 3);
    const int month = 1 + static_cast<int>((r >> 20) % 12);
    const int day = 1 + static_cast<int>((r >> 24) % static_cast<unsigned>(kDays[month - 1]));
    const char* service = service_of(r >> 32);
    const int quantity = (r >> 40) % 10 == 0 ? 2 + static_cast<int>((r >> 44) % 4) : 1;
    const bool italian = (r >> 48) % 10 == 0;
    const int n = italian ? std::snprintf(line, sizeof line, "%s,%02d/%02d/%04d,%s,%d\n",
                                          id.c_str(), day, month, year, service, quantity)
                          : std::snprintf(line, sizeof line, "%s,%04d-%02d-%02d,%s,%d\n",
                                          id.c_str(), year, month, day, service, quantity);
    out.append(line, static_cast<std::size_t>(n));
    if (out.size() > (1 << 20)) {
      std::fwrite(out.data(), 1, out.size(), stdout);
      out.clear();
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return std::fflush(stdout) == 0 ? 0 : 1;
}
