# tests/service/*_test.cpp are part of edge_tests (tests/CMakeLists.txt). They
# also test the data generator in-process and run the built witryna-edge
# binary (found through WITRYNA_BINARY_DIR), so build both with the tests.
if(TARGET edge_tests)
  # Fallbacks when the test runs without WITRYNA_SOURCE_DIR / WITRYNA_BINARY_DIR.
  target_compile_definitions(edge_tests PRIVATE WITRYNA_TEST_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  if(TARGET witryna::datagen)
    target_link_libraries(edge_tests PRIVATE witryna::datagen)
  endif()
  if(TARGET witryna-edge)
    add_dependencies(edge_tests witryna-edge)
  endif()
endif()
