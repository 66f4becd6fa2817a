# Every dependency comes from a Debian 12 package (tools/setup installs them).
find_package(Threads REQUIRED)
find_package(Boost 1.74 REQUIRED)            # Asio, Beast: header-only
find_package(OpenSSL 3 REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(ZLIB REQUIRED)                  # PNG screenshots (display/image)
find_package(PahoMqttCpp REQUIRED)
find_package(tl-expected REQUIRED)
find_package(nlohmann_json 3.11 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(tomlplusplus REQUIRED)
find_package(GTest REQUIRED)
find_package(OpenGL REQUIRED)
find_package(glfw3 REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(IMGUI REQUIRED IMPORTED_TARGET imgui)
# Ed25519 verification of app tokens and manifests (edge/crypto): about 2.4x
# fewer instructions than OpenSSL 3.0's, which stays for everything else.
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
