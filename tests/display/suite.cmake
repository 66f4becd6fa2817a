# witryna-display tests.
#   display_tests (unit): the model layer, fonts/glyphs (CPU only), the socket
#     client against a fake edge on a real Unix socket.
#   display_integration_tests (integration): witryna-display itself under a
#     private Xvfb (software GL): screenshots of every mode, both layouts and
#     both languages (PNGs kept in ${WITRYNA_BINARY_DIR}/screenshots/), and the
#     live app answering a screenshot request; and the kiosk end to end with
#     the real witryna-edge, a scan injected at its simulated scanner.
witryna_add_test_suite(display_tests unit DIRS display LIBS witryna::display)
witryna_add_test_suite(display_integration_tests integration DIRS display/integration
                       LIBS witryna::display witryna::datagen witryna::import)
# Paths are compiled in: the ENVIRONMENT that witryna_add_test_suite sets
# reaches the tests with WITRYNA_SOURCE_DIR only (see the report).
foreach(_t display_tests display_integration_tests)
  if(TARGET ${_t})
    target_compile_definitions(${_t} PRIVATE
      WITRYNA_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
      WITRYNA_SCREENSHOT_DIR="${PROJECT_BINARY_DIR}/screenshots")
  endif()
endforeach()
if(TARGET display_integration_tests)
  # kiosk_edge_test runs the kiosk against the real edge and scanner tool.
  add_dependencies(display_integration_tests witryna-display witryna-edge witryna-scan)
  target_compile_definitions(display_integration_tests PRIVATE
    WITRYNA_DISPLAY_EXE="$<TARGET_FILE:witryna-display>"
    WITRYNA_EDGE_EXE="$<TARGET_FILE:witryna-edge>"
    WITRYNA_SCAN_EXE="$<TARGET_FILE:witryna-scan>")
  # Building display_tests builds everything `ctest -L integration` needs too.
  if(TARGET display_tests)
    add_dependencies(display_tests display_integration_tests)
  endif()
endif()
