# systemd units (systemd/): `systemd-analyze verify` on every unit, generated
# here with ExecStart= pointing at the binaries of this build tree (verify
# insists that they exist), and sysusers.d / tmpfiles.d applied to a throwaway root.
set(_stage ${PROJECT_BINARY_DIR}/systemd-test)
witryna_generate_units(${_stage}/units ${_stage}/root ${_stage}/release ${_stage}/release)
set(_bins)
foreach(_t witryna-edge witryna-display witryna-updater)
  if(TARGET ${_t})
    list(APPEND _bins ${_t})
  endif()
endforeach()
add_custom_target(systemd_test_release ALL
  COMMAND ${CMAKE_COMMAND} -E make_directory ${_stage}/release/bin
  COMMAND ${CMAKE_COMMAND} -E create_symlink ${_stage}/units/witryna-kiosk-session
          ${_stage}/release/bin/witryna-kiosk-session
  VERBATIM)
foreach(_t IN LISTS _bins)
  add_custom_command(TARGET systemd_test_release POST_BUILD
    COMMAND ${CMAKE_COMMAND} -E create_symlink $<TARGET_FILE:${_t}> ${_stage}/release/bin/${_t}
    VERBATIM)
  add_dependencies(systemd_test_release ${_t})
endforeach()
add_test(NAME systemd.verify_units
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/verify_units.sh ${_stage}/units)
set_tests_properties(systemd.verify_units PROPERTIES LABELS integration)
