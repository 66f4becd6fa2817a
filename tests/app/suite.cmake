# The workflows (edge/app) end to end: real SQLite files, the real screen
# server on a real Unix socket, line clients as screens; and the built
# witryna-edge / witryna-import binaries (kill -9 during redemptions, import).
file(GLOB _app_support CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*.cpp)
list(FILTER _app_support EXCLUDE REGEX ".*_test\\.cpp$")
witryna_add_test_suite(app_tests integration DIRS app LIBS witryna::edge witryna::import)
if(TARGET app_tests)
  target_sources(app_tests PRIVATE ${_app_support})
  foreach(_bin IN ITEMS witryna-edge witryna-import witryna-scan)
    if(TARGET ${_bin})
      add_dependencies(app_tests ${_bin})
    endif()
  endforeach()
endif()
if(TARGET app_tests)
  # Fallbacks for running app_tests by hand (ctest sets WITRYNA_BINARY_DIR too).
  foreach(_pair IN ITEMS "witryna-edge;WITRYNA_EDGE_BIN" "witryna-scan;WITRYNA_SCAN_BIN"
                         "witryna-import;WITRYNA_IMPORT_BIN")
    list(GET _pair 0 _target)
    list(GET _pair 1 _define)
    if(TARGET ${_target})
      target_compile_definitions(app_tests PRIVATE ${_define}="$<TARGET_FILE:${_target}>")
    endif()
  endforeach()
  if(TARGET witryna::datagen)
    target_link_libraries(app_tests PRIVATE witryna::datagen)
  endif()
endif()
