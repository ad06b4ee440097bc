# What `cmake --install` puts where, the man page it needs, and the .deb that
# `make package` builds with CPack.
include(GNUInstallDirs)

option(CITFEE_MAN "Build and install the man page (needs scdoc)" ON)
if(CITFEE_MAN)
  find_program(CITFEE_SCDOC scdoc REQUIRED)
  find_program(CITFEE_GZIP gzip REQUIRED)
  set(CITFEE_MAN_PAGE "${CMAKE_BINARY_DIR}/man/citfee.1")
  add_custom_command(
    OUTPUT "${CITFEE_MAN_PAGE}" "${CITFEE_MAN_PAGE}.gz"
    COMMAND "${CMAKE_COMMAND}" -DSCDOC=${CITFEE_SCDOC} -DINPUT=${CMAKE_SOURCE_DIR}/doc/citfee.1.scd
            -DOUTPUT=${CITFEE_MAN_PAGE} -P "${CMAKE_SOURCE_DIR}/cmake/scdoc.cmake"
    # -n: no name or time stamp inside, so the package is the same from build to build.
    COMMAND "${CITFEE_GZIP}" -9 -n -f -k "${CITFEE_MAN_PAGE}"
    DEPENDS "${CMAKE_SOURCE_DIR}/doc/citfee.1.scd" "${CMAKE_SOURCE_DIR}/cmake/scdoc.cmake"
    COMMENT "Building the man page citfee(1)")
  add_custom_target(man ALL DEPENDS "${CITFEE_MAN_PAGE}.gz")
  install(FILES "${CITFEE_MAN_PAGE}.gz" DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endif()

install(FILES completion/citfee.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME citfee)
install(DIRECTORY data/tariffs DESTINATION ${CMAKE_INSTALL_DATADIR}/citfee)
install(FILES data/issuer.toml DESTINATION ${CMAKE_INSTALL_DATADIR}/citfee)
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR} RENAME copyright)

# The Debian package. Its Depends are computed by dpkg-shlibdeps from the
# libraries the binary links (fmt, toml++, libxlsxwriter, the C++ runtime).
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME citfee)
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_CONTACT "citfee maintainers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "fee and invoice calculator for the CIT of the Provincia di Brescia")
set(CPACK_PACKAGE_DESCRIPTION "Computes the annual fees and the semester variable fees of the member\n\
entities of the Convention CIT 2026-2036, exactly to the cent, as a table,\n\
CSV, TSV, JSON or an XLSX workbook.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_STRIP_FILES ON)
include(CPack)
