// JSON: the report as an object, amounts as exact decimal strings.
#pragma once

#include <string>

#include "output/write_options.hpp"
#include "present/report.hpp"

namespace citfee {

std::string write_json(const Report& report);

}  // namespace citfee
