# Writes a C++ source holding the text of every tariff in TARIFF_DIR, so the
# shipped tariffs are built into the binary. Run as: cmake -DTARIFF_DIR=...
# -DOUTPUT=... -P embed_tariffs.cmake
file(GLOB tariffs RELATIVE "${TARIFF_DIR}" "${TARIFF_DIR}/*.toml")
list(SORT tariffs)
set(arrays "")
set(entries "")
set(index 0)
foreach(name IN LISTS tariffs)
  file(READ "${TARIFF_DIR}/${name}" hex HEX)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  string(APPEND arrays "const unsigned char kTariff${index}[] = {${bytes}0x00};\n")
  string(APPEND entries "    {\"${name}\", std::string_view(reinterpret_cast<const char*>(kTariff${index}), sizeof(kTariff${index}) - 1)},\n")
  math(EXPR index "${index} + 1")
endforeach()
file(WRITE "${OUTPUT}.tmp" "// Generated from data/tariffs by cmake/embed_tariffs.cmake. Do not edit.
#include \"input/builtin_tariffs.hpp\"

namespace citfee {
namespace {
${arrays}}  // namespace

std::vector<EmbeddedFile> builtin_tariff_files() {
  return {
${entries}  };
}

}  // namespace citfee
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
