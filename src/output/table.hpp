// The table for people: a title, aligned columns, totals.
#pragma once

#include <string>

#include "output/write_options.hpp"
#include "present/report.hpp"

namespace citfee {

std::string write_table(const Report& report, const WriteOptions& options);

}  // namespace citfee
