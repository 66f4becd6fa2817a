// The fleet's `restart` command (mqtt.md cmd topics, fleet.md) on the built
// witryna-edge and a real mosquitto: the command is answered on cmd/result,
// then the process exits with kExitRestart (75, edge/service/app.hpp) for
// systemd (Restart=on-failure) to start it again; the started one does not
// get the same command again (it was acknowledged in the persistent session).
// The fleet side is mosquitto_pub / mosquitto_sub, as an operator's tools.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "edge/service/app.hpp"
#include "tests/support/child_process.hpp"
#include "tests/support/mosquitto.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/wait.hpp"

namespace witryna::app::test {
namespace edge_restart_test {
namespace {

#ifndef WITRYNA_EDGE_BIN
#define WITRYNA_EDGE_BIN "witryna-edge"
#endif

using nlohmann::json;
using witryna::test::ChildProcess;

constexpr const char* kDevice = "PL-WAW-001-edge1";
const std::string kCmd = std::string("witryna/v1/acme/device/") + kDevice + "/cmd";
const std::string kCmdResult = kCmd + "/result";

std::string edge_binary() {
  if (const char* dir = std::getenv("WITRYNA_BINARY_DIR")) {
    auto p = std::filesystem::path(dir) / "edge/witryna-edge";
    if (std::filesystem::exists(p)) return p.string();
  }
  return WITRYNA_EDGE_BIN;
}

class EdgeRestartTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto started = broker_.start();
    ASSERT_TRUE(started) << started.error().context;
    std::filesystem::create_directories(dir_ / "state");
    std::ofstream(dir_ / "edge.toml")
        << "[device]\nid = \"" << kDevice << "\"\nbrand = \"acme\"\nstore = \"PL-WAW-001\"\n\n"
        << "[storage]\nstate_dir = \"" << (dir_ / "state").string() << "\"\ndb_path = \""
        << (dir_ / "state" / "witryna.db").string() << "\"\n\n"
        << "[screen_api]\nsocket = \"" << (dir_ / "screen.sock").string()
        << "\"\nsocket_group = \"\"\n\n"
        << "[mqtt]\nbroker = \"" << broker_.plain_uri() << "\"\nallow_plain_loopback = true\n\n"
        << "[[screens.list]]\nid = \"kiosk-1\"\nrole = \"kiosk\"\n";
    // The fleet operator's view: every command result, printed as it comes.
    auto sub = ChildProcess::spawn(
        {"/usr/bin/mosquitto_sub", "-h", "127.0.0.1", "-p", std::to_string(broker_.plain_port()),
         "-q", "1", "-v", "-t", kCmdResult},
        dir_ / "results.txt");
    ASSERT_TRUE(sub) << sub.error().context;
    results_sub_.emplace(std::move(*sub));
  }

  ChildProcess spawn_edge() {
    auto child = ChildProcess::spawn({edge_binary(), "--config", (dir_ / "edge.toml").string()},
                                     dir_ / "edge.log");
    EXPECT_TRUE(child) << child.error().context;
    return std::move(*child);
  }

  [[nodiscard]] bool publish_cmd(const json& cmd) {
    auto pub = ChildProcess::spawn(
        {"/usr/bin/mosquitto_pub", "-h", "127.0.0.1", "-p", std::to_string(broker_.plain_port()),
         "-q", "1", "-t", kCmd, "-m", cmd.dump()},
        dir_ / "pub.log");
    if (!pub) return false;
    const auto status = pub->wait_for(std::chrono::seconds(5));
    return status && WIFEXITED(*status) && WEXITSTATUS(*status) == 0;
  }

  // Every cmd/result the operator has received, in order.
  std::vector<json> results() const {
    std::vector<json> out;
    std::ifstream in(dir_ / "results.txt");
    std::string line;
    while (std::getline(in, line)) {
      if (line.rfind(kCmdResult + " ", 0) != 0) continue;
      auto j = json::parse(line.substr(kCmdResult.size() + 1), nullptr, false);
      if (j.is_object()) out.push_back(std::move(j));
    }
    return out;
  }
  std::vector<json> results_for(const std::string& id) const {
    std::vector<json> out;
    for (auto& r : results())
      if (r.value("id", "") == id) out.push_back(r);
    return out;
  }

  // A `resync` round trip, sent again until answered: the edge subscribes
  // after it has connected, and a command sent before is not for it. Once
  // answered, every command published before it was handled (one session,
  // in order).
  [[nodiscard]] bool edge_answers(const std::string& id) {
    return witryna::test::wait_until(
        [&] {
          if (!publish_cmd({{"cmd", "resync"}, {"id", id}})) return false;
          return witryna::test::wait_until([&] { return !results_for(id).empty(); },
                                           std::chrono::milliseconds(500));
        },
        std::chrono::seconds(20));
  }

  std::string edge_log() const {
    std::ifstream in(dir_ / "edge.log");
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }

  witryna::test::TempDir dir_;
  witryna::test::Mosquitto broker_;
  std::optional<ChildProcess> results_sub_;
};

TEST_F(EdgeRestartTest, RestartIsAnsweredThenTheServiceExitsForSystemdToStartItAgain) {
  auto edge = spawn_edge();
  ASSERT_TRUE(edge_answers("probe-1")) << edge_log();

  ASSERT_TRUE(publish_cmd({{"cmd", "restart"}, {"id", "restart-1"}}));
  ASSERT_TRUE(witryna::test::wait_until([&] { return !results_for("restart-1").empty(); }))
      << edge_log();
  const auto answer = results_for("restart-1").front();
  EXPECT_EQ(answer["ok"], true) << answer.dump();

  const auto status = edge.wait_for(std::chrono::seconds(15));
  ASSERT_TRUE(status) << "witryna-edge did not exit after `restart`\n" << edge_log();
  ASSERT_TRUE(WIFEXITED(*status)) << "killed by a signal: " << *status << "\n" << edge_log();
  EXPECT_EQ(WEXITSTATUS(*status), service::kExitRestart) << edge_log();

  // systemd starts it again: it works, and `restart-1` is not done twice.
  auto again = spawn_edge();
  ASSERT_TRUE(edge_answers("probe-2")) << edge_log();
  EXPECT_TRUE(again.running()) << "the started edge restarted again\n" << edge_log();
  EXPECT_EQ(results_for("restart-1").size(), 1u);
}

}  // namespace
}  // namespace edge_restart_test
}  // namespace witryna::app::test
