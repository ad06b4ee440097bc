// Several files written into one directory all together or not at all: each
// goes to a temporary file first, and only when every one is written are they
// renamed into place. The files they replace are kept aside until finish(),
// so that a failure, while renaming or after, puts every one of them back.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "output/interruption.hpp"

namespace citfee {

class StagedFiles {
 public:
  // Files go into `directory`, which is made (with its parents) if missing.
  // One run at a time writes there: a second one is refused (kTempFail).
  explicit StagedFiles(std::string directory);
  // Without finish(), puts back what commit() replaced and removes what it
  // wrote, and the directory if it made it.
  ~StagedFiles();
  StagedFiles(const StagedFiles&) = delete;
  StagedFiles& operator=(const StagedFiles&) = delete;

  // Writes `data` to a temporary file that will become `name` in the
  // directory. Throws Error(kCannotWrite), or kBadData for a name given twice.
  void add(const std::string& name, const std::string& data);
  // Of the `candidates` (the letters an earlier run may have written for a
  // body of this run's entities), the files of the directory that this set
  // does not write: moved aside at commit, removed at finish, put back on
  // failure. No other file of the folder is ever touched. Returns their
  // names, sorted.
  std::vector<std::string> retire_others(const std::vector<std::string>& candidates);
  // Removes the temporary files that a run killed outright (KILL, a power
  // cut) left behind in the folder, whatever letters they were.
  void remove_leftovers();
  // Renames every file into place, keeping aside the files replaced.
  // Throws Error(kCannotWrite), having put back what it had replaced.
  void commit();
  // The books are committed: a failure from now on leaves the folder made,
  // for a re-run to find the letters it lacks.
  void keep_directory() { made_.clear(); }
  // The run is done: drops the files kept aside.
  void finish() noexcept;

 private:
  struct Staged {
    std::string name;
    std::string temp;
    std::string kept;  // the file it replaces, kept aside; empty if none
    bool placed = false;
    bool retired = false;  // an old file that goes, with no new one
  };

  void open();
  void make_directory();
  void sync() const;
  void keep_aside(Staged& s, const std::string& target);
  void move_aside(Staged& s);
  void roll_back() noexcept;

  std::string directory_;
  std::vector<std::string> made_;  // directories made, deepest last
  std::vector<Staged> staged_;
  int lock_ = -1;  // the directory, locked while the run writes there
  // From the first file made to the end: a signal waits for a safe point.
  std::optional<CleanupWindow> window_;
  bool finished_ = false;
};

}  // namespace citfee
