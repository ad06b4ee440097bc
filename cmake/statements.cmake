# Statements (--statements): Italian amounts and dates, and IBAN checks, join
# the core.
target_sources(citfee_core PRIVATE
  src/iban.cpp
  src/italian.cpp)
