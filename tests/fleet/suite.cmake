# The fleet CLI (tools/fleet): its pure parts (unit), and the CLI against a
# real mosquitto with simulated devices (integration: the wave test, remote
# commands). Included by tests/CMakeLists.txt.
# Spelled out (not witryna_add_test_suite) for TEST_PREFIX: every test is
# named fleet.<Suite>.<Test>, so `ctest -R fleet` runs them all.
file(GLOB _fleet_unit_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*_test.cpp)
if(_fleet_unit_sources AND TARGET witryna::fleet_core)
  add_executable(fleet_tests ${_fleet_unit_sources})
  target_link_libraries(fleet_tests PRIVATE witryna::fleet_core witryna::test_support
                                            GTest::gtest_main GTest::gmock witryna::test_common)
  gtest_discover_tests(fleet_tests TEST_PREFIX "fleet."
    PROPERTIES LABELS unit ENVIRONMENT "WITRYNA_SOURCE_DIR=${PROJECT_SOURCE_DIR};WITRYNA_BINARY_DIR=${PROJECT_BINARY_DIR}"
    DISCOVERY_TIMEOUT 60)
endif()

# Against mosquitto. Spelled out (not witryna_add_test_suite) for the same
# LeakSanitizer suppression of Paho C as tests/mqtt/suite.cmake, and for the
# path of the CLI under test.
file(GLOB _fleet_mqtt_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/mqtt/*_test.cpp)
if(_fleet_mqtt_sources AND TARGET witryna-fleet)
  add_executable(fleet_mqtt_tests ${_fleet_mqtt_sources})
  target_link_libraries(fleet_mqtt_tests PRIVATE witryna::fleet witryna::test_support
                                                 GTest::gtest_main GTest::gmock witryna::test_common)
  add_dependencies(fleet_mqtt_tests witryna-fleet)
  target_compile_definitions(fleet_mqtt_tests PRIVATE
    WITRYNA_FLEET_CLI="$<TARGET_FILE:witryna-fleet>")
  set(_fleet_mqtt_properties LABELS integration)
  if(WITRYNA_SANITIZE)
    list(APPEND _fleet_mqtt_properties ENVIRONMENT
      "LSAN_OPTIONS=suppressions=${CMAKE_CURRENT_LIST_DIR}/../mqtt/lsan.supp:print_suppressions=0")
  endif()
  gtest_discover_tests(fleet_mqtt_tests TEST_PREFIX "fleet." PROPERTIES ${_fleet_mqtt_properties}
    DISCOVERY_TIMEOUT 60)
endif()
