// Italian labels for the columns of a report, for --lang it.
#pragma once

#include <map>
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

// Each service key of the tariff with its label, for Report::service_labels.
std::map<std::string, std::string> service_labels(const Tariff& tariff);

// "fascia intera" or "per scaglioni".
std::string italian_method(Method method);

}  // namespace citfee
