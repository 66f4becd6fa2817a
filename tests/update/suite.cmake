# The updater (edge/update, tools/updater): the HTTPS download with resume
# (unit-sized, in process) and witryna-updater end to end against a stand-in
# service manager (fake_systemd.py) and the HTTPS file server of tools/https_files (integration).
set(_update_dir ${CMAKE_CURRENT_LIST_DIR})
file(GLOB _update_tests CONFIGURE_DEPENDS ${_update_dir}/*_test.cpp)
if(_update_tests AND TARGET witryna-updater)
  add_executable(update_tests ${_update_tests})
  target_link_libraries(update_tests PRIVATE witryna::edge witryna::https_files witryna::test_support GTest::gtest_main
                                             GTest::gmock witryna::test_common)
  add_dependencies(update_tests witryna-updater)
  target_compile_definitions(update_tests PRIVATE
    WITRYNA_UPDATER_EXE="$<TARGET_FILE:witryna-updater>"
    WITRYNA_UPDATE_TEST_DIR="${_update_dir}")
  gtest_discover_tests(update_tests PROPERTIES LABELS integration DISCOVERY_TIMEOUT 60)
endif()
