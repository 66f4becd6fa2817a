# The pure sync core: decisions asserted as data, no broker.
witryna_add_test_suite(sync_core_tests unit DIRS sync/core LIBS witryna::sync_core)

# sync/adapter against a real mosquitto and real SQLite stores in temp
# folders. Spelled out (not witryna_add_test_suite) for the same LSan
# suppression of Paho C as tests/mqtt/suite.cmake.
add_executable(sync_device_child ${CMAKE_CURRENT_LIST_DIR}/sync_device_child.cpp)
target_link_libraries(sync_device_child PRIVATE witryna::sync witryna::test_common)

file(GLOB _sync_adapter_test_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/adapter/*_test.cpp)
if(_sync_adapter_test_sources)
  add_executable(sync_adapter_tests ${_sync_adapter_test_sources})
  target_link_libraries(sync_adapter_tests PRIVATE witryna::sync witryna::test_support
                                                   GTest::gtest_main GTest::gmock witryna::test_common)
  add_dependencies(sync_adapter_tests sync_device_child)
  target_compile_definitions(sync_adapter_tests PRIVATE
    WITRYNA_SYNC_DEVICE_CHILD="$<TARGET_FILE:sync_device_child>")
  set(_sync_adapter_properties LABELS integration)
  if(WITRYNA_SANITIZE)
    list(APPEND _sync_adapter_properties ENVIRONMENT
      "LSAN_OPTIONS=suppressions=${CMAKE_CURRENT_LIST_DIR}/../mqtt/lsan.supp:print_suppressions=0")
  endif()
  gtest_discover_tests(sync_adapter_tests PROPERTIES ${_sync_adapter_properties}
    DISCOVERY_TIMEOUT 60)
endif()
