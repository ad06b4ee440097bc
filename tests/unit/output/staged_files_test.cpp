// Files written together or not at all.
#include <catch2/catch.hpp>

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/error.hpp"
#include "output/atomic_file.hpp"
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
    staged.finish();
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
    staged.finish();
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

TEST_CASE("a rename that fails puts back every letter it had replaced") {
  // The earlier letters of the folder, then a run whose third letter finds
  // a directory in the way.
  TempDir tmp;
  const fs::path dir = tmp.path / "lettere";
  fs::create_directories(dir / "c.pdf");
  std::ofstream(dir / "a.pdf") << "old a";
  std::ofstream(dir / "b.pdf") << "old b";
  {
    StagedFiles staged(dir.string());
    staged.add("a.pdf", "new a");
    staged.add("b.pdf", "new b");
    staged.add("c.pdf", "new c");
    staged.add("d.pdf", "new d");
    CHECK_THROWS_AS(staged.commit(), Error);
  }
  CHECK(slurp(dir / "a.pdf") == "old a");
  CHECK(slurp(dir / "b.pdf") == "old b");
  CHECK(fs::is_directory(dir / "c.pdf"));
  CHECK_FALSE(fs::exists(dir / "d.pdf"));
  CHECK(entries(dir) == 3);  // nothing hidden left behind
}

TEST_CASE("committed but not finished: a later failure puts the old letters back") {
  TempDir tmp;
  const fs::path dir = tmp.path / "lettere";
  fs::create_directories(dir);
  std::ofstream(dir / "a.pdf") << "old a";
  {
    StagedFiles staged(dir.string());
    staged.add("a.pdf", "new a");
    staged.add("b.pdf", "new b");
    staged.commit();
    CHECK(slurp(dir / "a.pdf") == "new a");
    CHECK(entries(dir) == 3);  // the old a kept aside, hidden
    // the report fails here: no finish()
  }
  CHECK(slurp(dir / "a.pdf") == "old a");
  CHECK_FALSE(fs::exists(dir / "b.pdf"));
  CHECK(entries(dir) == 1);
}

TEST_CASE("finished: the new letters stay and nothing is kept aside") {
  TempDir tmp;
  const fs::path dir = tmp.path / "lettere";
  fs::create_directories(dir);
  std::ofstream(dir / "a.pdf") << "old a";
  {
    StagedFiles staged(dir.string());
    staged.add("a.pdf", "new a");
    staged.commit();
    staged.finish();
  }
  CHECK(slurp(dir / "a.pdf") == "new a");
  CHECK(entries(dir) == 1);
}

TEST_CASE("letters of an earlier run that this one does not write are retired, or put back") {
  TempDir tmp;
  const fs::path dir = tmp.path / "lettere";
  fs::create_directories(dir);
  std::ofstream(dir / "017001-2027.pdf") << "old 1";
  std::ofstream(dir / "017002-2027.pdf") << "old 2";
  std::ofstream(dir / "017002-2026.pdf") << "last year";
  std::ofstream(dir / "appunti.txt") << "notes";
  {
    StagedFiles staged(dir.string());
    staged.add("017001-2027.pdf", "new 1");
    // The letters an earlier run may have written for this run's entities:
    // 017003's is not there, appunti is no candidate and stays.
    CHECK(staged.retire_others({"017001-2027.pdf", "017002-2027.pdf", "017003-2027.pdf"}) ==
          std::vector<std::string>{"017002-2027.pdf"});
    staged.commit();
    CHECK_FALSE(fs::exists(dir / "017002-2027.pdf"));
    // no finish: the run failed after
  }
  CHECK(slurp(dir / "017001-2027.pdf") == "old 1");
  CHECK(slurp(dir / "017002-2027.pdf") == "old 2");
  CHECK(entries(dir) == 4);
  {
    StagedFiles staged(dir.string());
    staged.add("017001-2027.pdf", "new 1");
    staged.retire_others({"017001-2027.pdf", "017002-2027.pdf"});
    staged.commit();
    staged.finish();
  }
  CHECK(slurp(dir / "017001-2027.pdf") == "new 1");
  CHECK_FALSE(fs::exists(dir / "017002-2027.pdf"));
  CHECK(slurp(dir / "017002-2026.pdf") == "last year");
  CHECK(entries(dir) == 3);
}

TEST_CASE("write_file_atomically writes through a link, dangling or not") {
  TempDir dir;
  fs::create_symlink("report.csv", dir.path / "dangling.csv");
  write_file_atomically((dir.path / "dangling.csv").string(), "a\n");
  CHECK(fs::is_symlink(dir.path / "dangling.csv"));
  CHECK(slurp(dir.path / "report.csv") == "a\n");
  write_file_atomically((dir.path / "dangling.csv").string(), "b\n");
  CHECK(fs::is_symlink(dir.path / "dangling.csv"));
  CHECK(slurp(dir.path / "report.csv") == "b\n");
  // Into a folder that is not there: an error, and the link stays a link.
  fs::create_symlink("missing/x.csv", dir.path / "nowhere.csv");
  CHECK_THROWS_AS(write_file_atomically((dir.path / "nowhere.csv").string(), "c\n"), Error);
  CHECK(fs::is_symlink(dir.path / "nowhere.csv"));
  CHECK(entries(dir.path) == 3);
}

TEST_CASE("a second writer of the same folder is refused while the first holds it") {
  TempDir dir;
  StagedFiles first((dir.path / "L").string());
  first.add("a-2027.pdf", "x");
  StagedFiles second((dir.path / "L").string());
  try {
    second.add("b-2027.pdf", "y");
    FAIL("the second writer was let in");
  } catch (const Error& e) {
    CHECK(e.failure() == Failure::kTempFail);
  }
}

TEST_CASE("remove_leftovers takes the temporary letters and lists of every kind, nothing else") {
  TempDir dir;
  const fs::path l = dir.path / "L";
  fs::create_directory(l);
  for (const char* name :
       {".citfee-017001-2027.pdf.AbCdEf", ".citfee-017001-2027.pdf.old.AbCdEf",
        ".citfee-invio.csv.123456", ".citfee-017001-2026.pdf.AbCdEf", ".citfee-note",
        "017001-2027.pdf", ".other-2027.pdf.AbCdEf", ".citfee-017001-2027-R1.pdf.AbCdEf",
        ".citfee-CIT-QA-2027-017001-S1.pdf.AbCdEf", ".citfee-notes.txt.AbCdEf"}) {
    std::ofstream(l / name) << "x";
  }
  StagedFiles staged(l.string());
  staged.remove_leftovers();
  CHECK_FALSE(fs::exists(l / ".citfee-017001-2027.pdf.AbCdEf"));
  CHECK_FALSE(fs::exists(l / ".citfee-017001-2027.pdf.old.AbCdEf"));
  CHECK_FALSE(fs::exists(l / ".citfee-invio.csv.123456"));
  CHECK_FALSE(fs::exists(l / ".citfee-017001-2026.pdf.AbCdEf"));
  CHECK_FALSE(fs::exists(l / ".citfee-017001-2027-R1.pdf.AbCdEf"));
  CHECK_FALSE(fs::exists(l / ".citfee-CIT-QA-2027-017001-S1.pdf.AbCdEf"));
  CHECK(fs::exists(l / ".citfee-notes.txt.AbCdEf"));
  CHECK(fs::exists(l / ".citfee-note"));
  CHECK(fs::exists(l / "017001-2027.pdf"));
  CHECK(fs::exists(l / ".other-2027.pdf.AbCdEf"));
  staged.finish();
}
