// CSV and TSV: a header row, no total row, formula prefixes defused.
#pragma once

#include <string>

#include "output/write_options.hpp"
#include "present/report.hpp"

namespace citfee {

// CSV (',' or, with a decimal comma, ';' after a UTF-8 byte order mark) or TSV.
std::string write_delimited(const Report& report, char delimiter, const WriteOptions& options);

}  // namespace citfee
