// Workbooks (-O xlsx) and statements (--statements) need libxlsxwriter, cairo
// and pango: some 45 shared libraries, whose loading alone takes longer than a
// whole annual run. So the program is built twice from the same sources:
// citfee, without them, and citfee-office, with them. A citfee run that asks
// for either is handed over to citfee-office, same arguments, before it reads
// any input.
#pragma once

namespace citfee::cli {

// Keeps the command line, for a hand-over.
void keep_arguments(int argc, char** argv);

// In citfee: replaces the process with citfee-office. In citfee-office: nothing.
void need_office();

}  // namespace citfee::cli
