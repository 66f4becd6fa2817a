# The central simulator (tools/central): its pure parts (unit) and the node
# against a real mosquitto with a raw MQTT peer playing the device
# (integration). Included by tests/CMakeLists.txt.
witryna_add_test_suite(central_tests unit DIRS central LIBS witryna::central_core)

# Against mosquitto. Spelled out (not witryna_add_test_suite) for the same
# LeakSanitizer suppression of Paho C as tests/mqtt/suite.cmake.
file(GLOB _central_mqtt_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/mqtt/*_test.cpp)
if(_central_mqtt_sources AND TARGET witryna::central)
  add_executable(central_mqtt_tests ${_central_mqtt_sources})
  target_link_libraries(central_mqtt_tests PRIVATE witryna::central witryna::test_support GTest::gtest_main
                                                   GTest::gmock witryna::test_common)
  set(_central_mqtt_properties LABELS integration)
  if(WITRYNA_SANITIZE)
    list(APPEND _central_mqtt_properties ENVIRONMENT
      "LSAN_OPTIONS=suppressions=${CMAKE_CURRENT_LIST_DIR}/../mqtt/lsan.supp:print_suppressions=0")
  endif()
  gtest_discover_tests(central_mqtt_tests PROPERTIES ${_central_mqtt_properties}
    DISCOVERY_TIMEOUT 60)
endif()

# witryna-central --https-dir (the real binary) against the device's own
# downloader and a raw HTTPS client; no broker needed.
file(GLOB _central_https_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/https/*_test.cpp)
if(_central_https_sources AND TARGET witryna-central)
  add_executable(central_https_tests ${_central_https_sources})
  target_link_libraries(central_https_tests PRIVATE witryna::edge witryna::test_support
                                                    GTest::gtest_main witryna::test_common)
  add_dependencies(central_https_tests witryna-central)
  target_compile_definitions(central_https_tests PRIVATE
    WITRYNA_CENTRAL_EXE="$<TARGET_FILE:witryna-central>")
  gtest_discover_tests(central_https_tests PROPERTIES LABELS integration DISCOVERY_TIMEOUT 60)
endif()
