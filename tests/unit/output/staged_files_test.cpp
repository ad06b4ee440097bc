// Files written together or not at all.
#include <catch2/catch.hpp>

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/error.hpp"
#include "output/staged_files.hpp"

using namespace citfee;
namespace fs = std::filesystem;

namespace {

// A fresh directory, removed with what it holds at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "citfee-test-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path = pattern;
  }
  ~TempDir() { fs::remove_all(path); }
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

int entries(const fs::path& dir) {
  int n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
  return n;
}

}  // namespace

TEST_CASE("staged files appear only when committed") {
  TempDir tmp;
  const fs::path dir = tmp.path / "lettere" / "2027";
  {
    StagedFiles staged(dir.string());
    staged.add("a.pdf", "first");
    staged.add("b.pdf", "second");
    CHECK_FALSE(fs::exists(dir / "a.pdf"));
    CHECK(entries(dir) == 2);  // the temporary files, hidden
    staged.commit();
  }
  CHECK(slurp(dir / "a.pdf") == "first");
  CHECK(slurp(dir / "b.pdf") == "second");
  CHECK(entries(dir) == 2);
}

TEST_CASE("without a commit nothing stays, not even the directories made") {
  TempDir tmp;
  const fs::path dir = tmp.path / "lettere" / "2027";
  {
    StagedFiles staged(dir.string());
    staged.add("a.pdf", "first");
  }
  CHECK_FALSE(fs::exists(tmp.path / "lettere"));
  CHECK(entries(tmp.path) == 0);
}

TEST_CASE("an existing directory and its other files are left alone") {
  TempDir tmp;
  std::ofstream(tmp.path / "old.pdf") << "old";
  std::ofstream(tmp.path / "a.pdf") << "previous run";
  {
    StagedFiles staged(tmp.path.string());
    staged.add("a.pdf", "new");
  }
  CHECK(slurp(tmp.path / "a.pdf") == "previous run");
  {
    StagedFiles staged(tmp.path.string());
    staged.add("a.pdf", "new");
    staged.commit();
  }
  CHECK(slurp(tmp.path / "a.pdf") == "new");
  CHECK(slurp(tmp.path / "old.pdf") == "old");
  CHECK(entries(tmp.path) == 2);
}

TEST_CASE("a name given twice, or a directory that is a file, is refused") {
  TempDir tmp;
  StagedFiles twice(tmp.path.string());
  twice.add("a.pdf", "one");
  CHECK_THROWS_AS(twice.add("a.pdf", "two"), Error);

  std::ofstream(tmp.path / "file") << "x";
  StagedFiles blocked((tmp.path / "file").string());
  try {
    blocked.add("a.pdf", "one");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.failure() == Failure::kCannotWrite);
    CHECK_THAT(e.what(), Catch::Contains("not a directory"));
  }
}
