# WITRYNA_SANITIZE=ON builds our targets with AddressSanitizer and UBSan (preset "asan").
option(WITRYNA_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
add_library(witryna_sanitizers INTERFACE)
add_library(witryna::sanitizers ALIAS witryna_sanitizers)
# Test code (tests/, through witryna::test_common) is compiled with ASan only.
# The code under test keeps both; UBSan's checks in gtest's and nlohmann's
# templates doubled the compile time of a test unit (app_tests: 26 s plain,
# 34 s with ASan, 52 s with ASan + UBSan) and checked no product line. Memory
# errors in test code are still found, and the link keeps UBSan's runtime for
# the product objects.
add_library(witryna_test_sanitizers INTERFACE)
add_library(witryna::test_sanitizers ALIAS witryna_test_sanitizers)
if(WITRYNA_SANITIZE)
  set(_san -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_compile_options(witryna_sanitizers INTERFACE ${_san})
  target_link_options(witryna_sanitizers INTERFACE ${_san})
  target_compile_options(witryna_test_sanitizers INTERFACE -fsanitize=address -fno-omit-frame-pointer)
  target_link_options(witryna_test_sanitizers INTERFACE ${_san})
endif()
