# Statements (--statements): the model and its builders join the core, the
# issuer file and the staged writing join the adapters, and the PDF renderer
# is a library of its own, the only one that needs cairo and pango.
find_package(PkgConfig REQUIRED)
pkg_check_modules(PANGOCAIRO REQUIRED IMPORTED_TARGET pangocairo cairo-pdf)

# data/issuer.toml, built into the binary like the tariffs.
set(CITFEE_ISSUER_TOML "${CMAKE_SOURCE_DIR}/data/issuer.toml")
set_property(DIRECTORY "${CMAKE_SOURCE_DIR}" APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${CITFEE_ISSUER_TOML}")
file(READ "${CITFEE_ISSUER_TOML}" CITFEE_ISSUER_HEX HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," CITFEE_ISSUER_BYTES "${CITFEE_ISSUER_HEX}")
configure_file("${CMAKE_SOURCE_DIR}/cmake/builtin_issuer.cpp.in" "${CMAKE_BINARY_DIR}/generated/builtin_issuer.cpp" @ONLY)

target_sources(citfee_core PRIVATE
  src/iban.cpp
  src/italian.cpp
  src/statement.cpp
  src/statement_annual.cpp
  src/statement_semester.cpp)

target_sources(citfee_io PRIVATE
  src/issuer_toml.cpp
  src/staged_files.cpp
  "${CMAKE_BINARY_DIR}/generated/builtin_issuer.cpp")

add_library(citfee_pdf STATIC
  src/pdf_canvas.cpp
  src/statement_pdf.cpp)
target_link_libraries(citfee_pdf PUBLIC citfee_core PRIVATE PkgConfig::PANGOCAIRO)

target_sources(citfee_cli PRIVATE src/cli_statements.cpp)
target_link_libraries(citfee-office PRIVATE citfee_pdf)
