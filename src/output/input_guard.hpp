// No output of a run ever replaces one of its inputs: the books, the
// entities, a usage ledger kept for the whole convention. The command line
// names the inputs once; every writer asks before it puts a file in place.
#pragma once

#include <string>
#include <vector>

namespace citfee {

// An input of the run: how the command line named it (`--books registro.db`)
// and the file it is, by device and inode, so that a link or another
// spelling of the same path is caught too.
struct GuardedInput {
  std::string named;
  unsigned long long device = 0;
  unsigned long long inode = 0;
};

// Keeps `path` (named on the command line as `named`) as an input of this
// run, if it is an existing file; other values are ignored.
void guard_input(const std::string& named, const std::string& path);

// Throws Error(kBadUsage) naming both when `target` is a guarded input, by
// device and inode (links followed). `what` says which output it is.
void refuse_over_input(const std::string& target, const std::string& what);

// Forgets every guarded input (for tests, which run several commands).
void clear_guarded_inputs();

}  // namespace citfee
