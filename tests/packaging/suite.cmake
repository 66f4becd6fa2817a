# The .deb in a throwaway root (check_deb.sh): cpack, dpkg -i with the
# maintainer scripts, a reinstall keeping an edited conffile, dpkg -r, and the
# update artifact of the same build. Debug preset only: packaging is about the
# files and scripts, not the code, and the ASan binaries would only make it
# slower. The package is left uncompressed here (WITRYNA_DEB_COMPRESSION=none:
# gzip of the debug binaries doubles the test's time); release packages keep
# CPack's default. The artifact is remade first (a fixture), from the binaries
# already built. The two run first (COST): the longest tests of the suite,
# they were its last ten seconds when ctest started them in file order.
if(NOT WITRYNA_SANITIZE AND TARGET witryna-edge AND TARGET witryna-display
   AND TARGET witryna-updater)
  add_test(NAME packaging.update_artifact
           COMMAND ${CMAKE_COMMAND} --build ${PROJECT_BINARY_DIR} --target update_artifact)
  set_tests_properties(packaging.update_artifact PROPERTIES
    LABELS integration FIXTURES_SETUP packaging_artifact TIMEOUT 120 COST 1000)
  add_test(NAME packaging.check_deb
           COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/check_deb.sh ${PROJECT_BINARY_DIR})
  set_tests_properties(packaging.check_deb PROPERTIES
    LABELS integration FIXTURES_REQUIRED packaging_artifact TIMEOUT 120 COST 1000
    ENVIRONMENT "WITRYNA_DEB_COMPRESSION=none")
endif()
