// What every writer is told besides the report.
#pragma once

namespace citfee {

struct WriteOptions {
  char decimal_mark = '.';  // ',' with --decimal-comma; a table then groups thousands with '.'
};

}  // namespace citfee
