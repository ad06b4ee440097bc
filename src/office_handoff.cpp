// citfee: hands a run that needs workbooks or statements to citfee-office.
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "citfee/error.hpp"
#include "citfee/report.hpp"
#include "citfee/statement_pdf.hpp"
#include "office.hpp"

namespace citfee::cli {

namespace {

char** kept_argv = nullptr;

// Beside citfee in a build tree; in libexec once installed (the path from the
// installed citfee is set by CMake).
std::vector<std::filesystem::path> office_candidates() {
  std::error_code ec;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  const std::filesystem::path dir = self.parent_path();
  return {dir / "citfee-office", dir / CITFEE_OFFICE_FROM_BINDIR};
}

}  // namespace

void keep_arguments(int, char** argv) {
  kept_argv = argv;
}

void need_office() {
  std::string tried;
  for (const auto& path : office_candidates()) {
    if (::access(path.c_str(), X_OK) == 0) {
      ::execv(path.c_str(), kept_argv);
      tried += fmt::format(" {} ({})", path.string(), std::strerror(errno));
    } else {
      tried += " " + path.lexically_normal().string();
    }
  }
  throw Error(
      Failure::kInternal,
      fmt::format("workbooks and statements are written by citfee-office, which could not be "
                  "run; tried:{}. Reinstall citfee, or use -O csv.",
                  tried));
}

}  // namespace citfee::cli

namespace citfee {

// Stand-ins for what only citfee-office links: need_office() runs first, so
// citfee never reaches them.
std::string write_xlsx(const std::vector<Report>&, const WriteOptions&) {
  throw std::logic_error("write_xlsx reached in citfee");
}
std::string statement_pdf(const Statement&) {
  throw std::logic_error("statement_pdf reached in citfee");
}
std::string combined_pdf(const std::vector<Statement>&, const std::string&) {
  throw std::logic_error("combined_pdf reached in citfee");
}

}  // namespace citfee
