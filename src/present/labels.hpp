// Italian labels for the columns of a report, for --lang it.
#pragma once

#include <string>

#include "core/tariff.hpp"
#include "present/report.hpp"

namespace citfee {

// The Italian label of a column name of the SPEC (annual_fee: "Quota annuale");
// a name it does not know is returned as it is.
std::string italian_label(const std::string& column);

// The report with Italian column labels and title, and the types and methods
// in its rows in Italian words ("Comunità Montana", "fascia intera"), which
// the readers take back. Amounts, dates and the `about` keys are unchanged.
Report with_italian_labels(Report report);

// "fascia intera" or "per scaglioni".
std::string italian_method(Method method);

}  // namespace citfee
