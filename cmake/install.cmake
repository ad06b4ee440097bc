# What `cmake --install` puts where, and the man page it needs. The Debian
# package is built by debhelper from debian/ (`make package`).
include(GNUInstallDirs)

option(CITFEE_MAN "Build and install the man page (needs scdoc)" ON)
if(CITFEE_MAN)
  find_program(CITFEE_SCDOC scdoc REQUIRED)
  find_program(CITFEE_GZIP gzip REQUIRED)
  set(CITFEE_MAN_PAGE "${CMAKE_BINARY_DIR}/man/citfee.1")
  # Ninja makes the folders of a rule's outputs; Unix Makefiles does not.
  file(MAKE_DIRECTORY "${CMAKE_BINARY_DIR}/man")
  add_custom_command(
    OUTPUT "${CITFEE_MAN_PAGE}" "${CITFEE_MAN_PAGE}.gz"
    COMMAND "${CMAKE_COMMAND}" -DSCDOC=${CITFEE_SCDOC} -DINPUT=${CMAKE_SOURCE_DIR}/doc/citfee.1.scd
            -DOUTPUT=${CITFEE_MAN_PAGE} -DCHANGELOG=${CMAKE_SOURCE_DIR}/debian/changelog
            -P "${CMAKE_SOURCE_DIR}/cmake/scdoc.cmake"
    # -n: no name or time stamp inside, so the package is the same from build to build.
    COMMAND "${CITFEE_GZIP}" -9 -n -f -k "${CITFEE_MAN_PAGE}"
    DEPENDS "${CMAKE_SOURCE_DIR}/doc/citfee.1.scd" "${CMAKE_SOURCE_DIR}/cmake/scdoc.cmake"
            "${CMAKE_SOURCE_DIR}/debian/changelog"
    COMMENT "Building the man page citfee(1)")
  add_custom_target(man ALL DEPENDS "${CITFEE_MAN_PAGE}.gz")
  install(FILES "${CITFEE_MAN_PAGE}.gz" DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endif()

install(FILES completion/citfee.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME citfee)
install(DIRECTORY data/tariffs DESTINATION ${CMAKE_INSTALL_DATADIR}/citfee)
install(FILES data/issuer.toml DESTINATION ${CMAKE_INSTALL_DATADIR}/citfee)
# The office reads the guide on the machine that runs citfee.
install(FILES README.md doc/guida.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
