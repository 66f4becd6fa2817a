// tools/fleet/core must stay pure like edge/core and sync/core: no I/O
// library, so that the rollout's decisions are tested as plain data.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

namespace witryna::fleet {
namespace fleet_core_purity_test {
namespace {

TEST(FleetCorePurity, IncludesNoIoLibrary) {
  const char* src = std::getenv("WITRYNA_SOURCE_DIR");
  ASSERT_NE(src, nullptr) << "WITRYNA_SOURCE_DIR not set";
  const std::regex forbidden(
      R"re(#\s*include\s*[<"](boost/|sqlite3|openssl/|mqtt/|MQTTAsync|MQTTClient|imgui|GLFW/|sys/socket|netinet/|arpa/|sys/un\.h|sys/epoll|unistd\.h|fcntl\.h|sync/mqtt|sync/adapter|edge/crypto|edge/update/|edge/service|tools/fleet/fleet_link|tools/fleet/commands))re");
  int scanned = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::filesystem::path(src) / "tools/fleet/core")) {
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
  EXPECT_GT(scanned, 0);
}

}  // namespace
}  // namespace fleet_core_purity_test
}  // namespace witryna::fleet
