# Scanner drivers: pure framing/keymap tests (unit) and the Linux readers on
# real pipes, FIFOs, ptys and loopback sockets, plus the witryna-scan CLI (integration).
witryna_add_test_suite(drivers_tests unit DIRS drivers LIBS witryna::drivers)
witryna_add_test_suite(drivers_io_tests integration DIRS drivers/io LIBS witryna::drivers)
if(TARGET drivers_io_tests AND TARGET witryna-scan)
  # scan_cli_test runs the CLI from the build tree: WITRYNA_BINARY_DIR when the
  # test environment carries it, else the path compiled in here.
  add_dependencies(drivers_io_tests witryna-scan)
  target_compile_definitions(drivers_io_tests PRIVATE
    WITRYNA_SCAN_CLI="$<TARGET_FILE:witryna-scan>")
endif()
