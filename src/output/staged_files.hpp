// Several files written into one directory all together or not at all: each
// goes to a temporary file first, and only when every one is written are they
// renamed into place.
#pragma once

#include <string>
#include <vector>

namespace citfee {

class StagedFiles {
 public:
  // Files go into `directory`, which is made (with its parents) if missing.
  explicit StagedFiles(std::string directory);
  // Without commit(), removes what it wrote, and the directory if it made it.
  ~StagedFiles();
  StagedFiles(const StagedFiles&) = delete;
  StagedFiles& operator=(const StagedFiles&) = delete;

  // Writes `data` to a temporary file that will become `name` in the
  // directory. Throws Error(kCannotWrite), or kBadData for a name given twice.
  void add(const std::string& name, const std::string& data);
  // Renames every file into place. Throws Error(kCannotWrite).
  void commit();

 private:
  struct Staged {
    std::string name;
    std::string temp;
  };

  void make_directory();
  void sync() const;
  void discard() noexcept;

  std::string directory_;
  std::vector<std::string> made_;  // directories made, deepest last
  std::vector<Staged> staged_;
  bool committed_ = false;
};

}  // namespace citfee
