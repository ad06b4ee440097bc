# Builds a man page from its scdoc source: cmake -DSCDOC=... -DINPUT=... -DOUTPUT=... -P scdoc.cmake
# Any message from scdoc fails the build: the page must build without warnings.
execute_process(
  COMMAND "${SCDOC}"
  INPUT_FILE "${INPUT}"
  OUTPUT_FILE "${OUTPUT}"
  ERROR_VARIABLE messages
  RESULT_VARIABLE status)
if(NOT status EQUAL 0 OR NOT messages STREQUAL "")
  file(REMOVE "${OUTPUT}")
  message(FATAL_ERROR "scdoc ${INPUT}: ${messages}")
endif()
