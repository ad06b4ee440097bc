// XLSX workbooks, through libxlsxwriter.
#pragma once

#include <string>
#include <vector>

#include "output/write_options.hpp"
#include "present/report.hpp"

namespace citfee {

// One sheet per report (binary). Throws Error(kCannotWrite).
std::string write_xlsx(const std::vector<Report>& sheets, const WriteOptions& options);

}  // namespace citfee
