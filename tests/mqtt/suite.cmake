# The MQTT transport (sync/mqtt) against a real mosquitto on free loopback
# ports, with certificates made on the spot. Included by tests/CMakeLists.txt.

# The fixtures in tests/support (Mosquitto, TlsCerts, TestEventLoop) need these.
target_link_libraries(witryna_test_support PUBLIC witryna::asio OpenSSL::Crypto)

# Stand-in device process for the Last Will test (killed with SIGKILL).
add_executable(mqtt_lwt_child ${CMAKE_CURRENT_LIST_DIR}/mqtt_lwt_child.cpp)
target_link_libraries(mqtt_lwt_child PRIVATE witryna::sync witryna::test_common)

# Pure parts (URI parsing, option checks): no broker.
witryna_add_test_suite(mqtt_unit_tests unit DIRS mqtt/unit LIBS witryna::sync)

# Against mosquitto. Spelled out rather than witryna_add_test_suite() because
# under ASan these tests need a LeakSanitizer suppression for Paho C (see
# lsan.supp), and only these.
file(GLOB _mqtt_test_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*_test.cpp)
if(_mqtt_test_sources)
  add_executable(mqtt_tests ${_mqtt_test_sources})
  target_link_libraries(mqtt_tests PRIVATE witryna::sync witryna::test_support GTest::gtest_main
                                           GTest::gmock witryna::test_common)
  add_dependencies(mqtt_tests mqtt_lwt_child)
  target_compile_definitions(mqtt_tests PRIVATE
    WITRYNA_MQTT_LWT_CHILD="$<TARGET_FILE:mqtt_lwt_child>")
  # One ENVIRONMENT entry only: gtest_discover_tests splits a ;-list into
  # property name/value pairs (these tests need no WITRYNA_* variables).
  set(_mqtt_properties LABELS integration)
  if(WITRYNA_SANITIZE)
    list(APPEND _mqtt_properties ENVIRONMENT
      "LSAN_OPTIONS=suppressions=${CMAKE_CURRENT_LIST_DIR}/lsan.supp:print_suppressions=0")
  endif()
  gtest_discover_tests(mqtt_tests PROPERTIES ${_mqtt_properties}
    DISCOVERY_TIMEOUT 60)
endif()
