# Builds a man page from its scdoc source: cmake -DSCDOC=... -DINPUT=... -DOUTPUT=... -P scdoc.cmake
# Any message from scdoc fails the build: the page must build without warnings.
# The page's date is SOURCE_DATE_EPOCH (set by dpkg-buildpackage), else the
# date of the newest entry of CHANGELOG: the same page from build to build.
if(NOT DEFINED ENV{SOURCE_DATE_EPOCH} AND CHANGELOG)
  find_program(PARSECHANGELOG dpkg-parsechangelog)
  if(PARSECHANGELOG)
    execute_process(COMMAND "${PARSECHANGELOG}" -l "${CHANGELOG}" -S Timestamp
                    OUTPUT_VARIABLE epoch OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE status)
    if(status EQUAL 0 AND epoch MATCHES "^[0-9]+$")
      set(ENV{SOURCE_DATE_EPOCH} "${epoch}")
    endif()
  endif()
endif()
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
