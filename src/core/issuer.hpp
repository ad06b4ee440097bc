// Who sends the statements and is paid: plain data, read from the issuer
// file by the input layer.
#pragma once

#include <string>
#include <vector>

namespace citfee {

// Who sends the statements and is paid.
struct Issuer {
  std::string name;                  // Provincia di Brescia
  std::string office;                // Centro Innovazione e Tecnologie – CIT
  std::vector<std::string> address;  // one line each
  std::string tax_code;
  std::string pec;                     // may be empty
  std::string place;                   // where letters are dated: Brescia
  std::string iban;                    // compact and checked; empty if not known
  std::vector<std::string> signature;  // lines under the greeting; may be empty
  int days_to_pay = 30;  // a late letter's new due date: this many days after its date
};

}  // namespace citfee
