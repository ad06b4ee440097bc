// Italian labels for the columns of a report, for --lang it.
#pragma once

#include <string>

#include "present/report.hpp"

namespace citfee {

// The Italian label of a column name of the SPEC (annual_fee: "Quota annuale");
// a name it does not know is returned as it is.
std::string italian_label(const std::string& column);

// The report with Italian column labels and title; rows and values unchanged.
Report with_italian_labels(Report report);

}  // namespace citfee
