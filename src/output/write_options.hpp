// What every writer is told besides the report.
#pragma once

namespace citfee {

struct WriteOptions {
  char decimal_mark = '.';       // ',' with --decimal-comma; a table then groups thousands with '.'
  bool day_first_dates = false;  // --lang it: a table shows 31/03/2027 (CSV and JSON stay ISO)
};

}  // namespace citfee
