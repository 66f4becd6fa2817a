# WITRYNA_SANITIZE=ON builds our targets with AddressSanitizer and UBSan (preset "asan").
option(WITRYNA_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
add_library(witryna_sanitizers INTERFACE)
add_library(witryna::sanitizers ALIAS witryna_sanitizers)
if(WITRYNA_SANITIZE)
  set(_san -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_compile_options(witryna_sanitizers INTERFACE ${_san})
  target_link_options(witryna_sanitizers INTERFACE ${_san})
endif()
