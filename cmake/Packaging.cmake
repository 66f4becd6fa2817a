# Packaging (docs/updates.md "Packaging"): one Debian package for a first
# install, and the update artifact (a tar of the same release folder) that
# witryna-updater installs on devices already in the field.
#
#   cmake --preset release && cmake --build build/release
#   (cd build/release && cpack -G DEB)              -> witryna_<v>_<arch>.deb
#   cmake --build build/release --target update_artifact  -> witryna-<v>-<arch>.tar
#
# Layout (paths relative to /, CPACK_PACKAGING_INSTALL_PREFIX):
#   opt/witryna/releases/<v>/bin/      witryna-edge, witryna-display, witryna-updater,
#                                      witryna-kiosk-session      (component "release")
#   opt/witryna/releases/<v>/share/doc/witryna/updates.md
#   lib/systemd/system/                the units                    (component "system")
#   usr/lib/sysusers.d/witryna.conf, usr/lib/tmpfiles.d/witryna.conf
#   etc/witryna/witryna.toml           conffile (dpkg keeps local edits)
# The `current` and `committed` symlinks are not in the package (the updater
# owns them): postinst points them at this release.
set(WITRYNA_RELEASE_DIR opt/witryna/releases/${PROJECT_VERSION})
# `cmake --install` / cpack install what is built and do not build "all"
# (tests included) first: build the packaged targets explicitly.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY TRUE)

foreach(_t witryna-edge witryna-display witryna-updater)
  if(TARGET ${_t})
    install(TARGETS ${_t} RUNTIME DESTINATION ${WITRYNA_RELEASE_DIR}/bin COMPONENT release)
  endif()
endforeach()
install(PROGRAMS ${WITRYNA_UNITS_DIR}/witryna-kiosk-session
        DESTINATION ${WITRYNA_RELEASE_DIR}/bin COMPONENT release)
install(FILES ${PROJECT_SOURCE_DIR}/docs/updates.md
        DESTINATION ${WITRYNA_RELEASE_DIR}/share/doc/witryna COMPONENT release)
install(FILES ${WITRYNA_UNITS_DIR}/witryna-edge.service ${WITRYNA_UNITS_DIR}/witryna-display@.service
              ${WITRYNA_UNITS_DIR}/witryna-updater.service
        DESTINATION lib/systemd/system COMPONENT system)
install(FILES ${WITRYNA_UNITS_DIR}/witryna.sysusers.conf DESTINATION usr/lib/sysusers.d
        RENAME witryna.conf COMPONENT system)
install(FILES ${WITRYNA_UNITS_DIR}/witryna.tmpfiles.conf DESTINATION usr/lib/tmpfiles.d
        RENAME witryna.conf COMPONENT system)
install(FILES ${PROJECT_SOURCE_DIR}/firmware_config/witryna.toml DESTINATION etc/witryna
        COMPONENT system)

set(_pkg ${PROJECT_BINARY_DIR}/packaging)
file(WRITE ${_pkg}/conffiles "/etc/witryna/witryna.toml\n")
configure_file(${PROJECT_SOURCE_DIR}/cmake/deb/postinst.in ${_pkg}/postinst @ONLY)
configure_file(${PROJECT_SOURCE_DIR}/cmake/deb/prerm.in ${_pkg}/prerm @ONLY)
file(CHMOD ${_pkg}/postinst ${_pkg}/prerm PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE
     GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME witryna)
set(CPACK_PACKAGE_VENDOR "witryna")
set(CPACK_PACKAGE_CONTACT "witryna fleet team <fleet@witryna.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "witryna in-store appliance: edge service, screens, updater")
set(CPACK_PACKAGING_INSTALL_PREFIX /)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "systemd, tar")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "cage, fonts-dejavu-core, zstd")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA ${_pkg}/conffiles ${_pkg}/postinst ${_pkg}/prerm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
include(CPack)

# The update artifact: the release folder's contents, as the updater unpacks
# them into releases/<version>/ (sha256 and size go into the signed manifest).
execute_process(COMMAND dpkg --print-architecture OUTPUT_VARIABLE _arch
                OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
set(_artifact ${PROJECT_BINARY_DIR}/witryna-${PROJECT_VERSION}-${_arch}.tar)
set(_stage ${PROJECT_BINARY_DIR}/artifact-stage)
add_custom_target(update_artifact
  COMMAND ${CMAKE_COMMAND} -E rm -rf ${_stage}
  COMMAND ${CMAKE_COMMAND} --install ${PROJECT_BINARY_DIR} --prefix ${_stage} --component release
  COMMAND tar --sort=name --owner=0 --group=0 --numeric-owner -cf ${_artifact}
          -C ${_stage}/${WITRYNA_RELEASE_DIR} .
  COMMAND sha256sum ${_artifact}
  BYPRODUCTS ${_artifact}
  COMMENT "update artifact ${_artifact}"
  VERBATIM)
foreach(_t witryna-edge witryna-display witryna-updater)
  if(TARGET ${_t})
    add_dependencies(update_artifact ${_t})
  endif()
endforeach()
