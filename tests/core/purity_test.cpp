// The core must stay pure: no I/O library may be included from edge/core, sync/core or
// tools/fleet/core (the fleet CLI's rollout decisions).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

namespace purity_test {
namespace {

TEST(Purity, CoreIncludesNoIoLibrary) {
  const char* src = std::getenv("WITRYNA_SOURCE_DIR");
  ASSERT_NE(src, nullptr) << "WITRYNA_SOURCE_DIR not set";
  const std::regex forbidden(
      R"re(#\s*include\s*[<"](boost/|sqlite3|openssl/|mqtt/|MQTTAsync|MQTTClient|imgui|GLFW/|sys/socket|netinet/|arpa/|sys/un\.h|sys/epoll|unistd\.h|fcntl\.h|backends/))re");
  int scanned = 0;
  for (const char* part : {"edge/core", "sync/core", "tools/fleet/core"}) {
    const auto dir = std::filesystem::path(src) / part;
    if (!std::filesystem::exists(dir)) continue;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
      if (!entry.is_regular_file()) continue;
      std::ifstream in(entry.path());
      std::string line;
      int lineno = 0;
      ++scanned;
      while (std::getline(in, line)) {
        ++lineno;
        EXPECT_FALSE(std::regex_search(line, forbidden))
            << entry.path() << ":" << lineno << ": " << line;
      }
    }
  }
  EXPECT_GT(scanned, 0);
}

}  // namespace
}  // namespace purity_test
