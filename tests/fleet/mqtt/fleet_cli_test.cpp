// witryna-fleet (the real binary, as a child process) against a real
// mosquitto with 20 simulated devices: rollouts in waves that stop at the
// failure threshold, remote commands, desired configuration.

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "tests/fleet/mqtt/simulated_fleet.hpp"
#include "tests/support/child_process.hpp"
#include "tests/support/mosquitto.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/test_event_loop.hpp"
#include "tools/fleet/core/fleet_payloads.hpp"

namespace witryna::fleet {
namespace fleet_cli_test {
namespace {

using std::chrono::seconds;

std::filesystem::path cli_path() {
  if (const char* dir = std::getenv("WITRYNA_BINARY_DIR"))
    return std::filesystem::path(dir) / "tools" / "fleet" / "witryna-fleet";
  return WITRYNA_FLEET_CLI;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> device_names(int n) {
  std::vector<std::string> out;
  for (int i = 1; i <= n; ++i)
    out.push_back("PL-" + std::string(i < 10 ? "0" : "") + std::to_string(i) + "-edge1");
  return out;
}

class FleetCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(std::filesystem::exists(cli_path())) << cli_path();
    auto started = broker_.start();
    ASSERT_TRUE(started) << started.error().context;
    ASSERT_TRUE(fleet_.start(broker_)) << "simulated devices did not connect";
  }

  // Runs the CLI while the simulated devices answer; its exit code (-1: it
  // did not finish within the deadline or died of a signal).
  int run(std::vector<std::string> args, std::chrono::milliseconds deadline = seconds(8)) {
    std::vector<std::string> argv = {cli_path().string()};
    argv.insert(argv.end(), args.begin(), args.end());
    std::filesystem::remove(log_);
    auto child = witryna::test::ChildProcess::spawn(argv, log_);
    EXPECT_TRUE(child) << child.error().context;
    if (!child) return -1;
    std::optional<int> status;
    (void)loop_.run_until(
        [&] {
          status = child->wait_for(std::chrono::milliseconds(0));
          return status.has_value();
        },
        deadline);
    // Let the devices' last answers out before the next step looks at them.
    (void)loop_.run_until([&] { return fleet_.unacknowledged() == 0; });
    if (!status || !WIFEXITED(*status)) return -1;
    return WEXITSTATUS(*status);
  }

  std::vector<std::string> broker_args() const {
    return {"--broker", broker_.plain_uri(), "--brand", "acme", "--timeout", "5"};
  }

  // keygen + sign-update: a real signed manifest for `version`.
  std::filesystem::path signed_manifest(const std::string& id, const std::string& version) {
    if (!std::filesystem::exists(dir_.path() / "fleet-1.key")) {
      EXPECT_EQ(run({"keygen", "--kid", "fleet-1", "--out", dir_.path().string()}), 0);
    }
    const auto artifact = dir_.path() / "artifact.tar";
    std::ofstream(artifact) << "pretend artifact";
    EXPECT_EQ(
        run({"sign-update", "--key", (dir_.path() / "fleet-1.key").string(), "--kid", "fleet-1",
             "--id", id, "--version", version, "--url", "https://updates.example/w.tar",
             "--artifact", artifact.string(), "--health-timeout-s", "30"}),
        0);
    const auto file = dir_.path() / (id + ".jws");
    std::ofstream(file) << read_file(log_);
    return file;
  }

  std::string output() const { return read_file(log_); }

  witryna::test::TempDir dir_;
  std::filesystem::path log_ = dir_.path() / "cli.log";
  witryna::test::Mosquitto broker_;
  witryna::test::TestEventLoop loop_;
  std::vector<std::string> devices_ = device_names(20);
  test::SimulatedFleet fleet_{loop_, devices_};
};

std::vector<std::string> rollout_args(const std::filesystem::path& manifest,
                                      const std::vector<std::string>& devices) {
  std::string list;
  for (const auto& d : devices)
    list += (list.empty() ? "" : ",") + d;
  return {"rollout",
          "--manifest",
          manifest.string(),
          "--canary",
          devices[0] + "," + devices[1] + "," + devices[2],
          "--devices",
          list,
          "--batch",
          "5",
          "--max-failures",
          "1",
          "--silent-timeout",
          "60",
          "--no-table"};
}

TEST_F(FleetCliTest, AFailingCanaryStopsTheRolloutAtTheThreshold) {
  const auto manifest = signed_manifest("upd-bad", "1.5.0");
  fleet_.bad_versions.insert("1.5.0");
  auto args = broker_args();
  const auto roll = rollout_args(manifest, devices_);
  args.insert(args.begin(), roll.begin(), roll.end());
  EXPECT_EQ(run(args), 3) << output();  // kExitFailures
  const auto out = output();
  EXPECT_NE(out.find("STOPPED"), std::string::npos) << out;
  // Two of the three canaries rolled back: above the limit of 1.
  std::size_t canary_failures = 0;
  for (int i = 0; i < 3; ++i)
    canary_failures += fleet_.count(devices_[i], "rolled_back");
  EXPECT_GE(canary_failures, 2u);
  for (std::size_t i = 3; i < devices_.size(); ++i)
    EXPECT_EQ(fleet_.count(devices_[i], "update"), 0u) << devices_[i] << " got the update";
  EXPECT_EQ(fleet_.state(devices_[5]).version, "1.4.0");
}

TEST_F(FleetCliTest, AGoodBuildReachesAllTwentyInWavesInOrder) {
  const auto manifest = signed_manifest("upd-good", "1.5.0");
  auto args = broker_args();
  const auto roll = rollout_args(manifest, devices_);
  args.insert(args.begin(), roll.begin(), roll.end());
  ASSERT_EQ(run(args), 0) << output();
  EXPECT_NE(output().find("DONE: 20 committed, 0 failed"), std::string::npos) << output();
  for (const auto& d : devices_) {
    EXPECT_EQ(fleet_.count(d, "update"), 1u) << d;
    EXPECT_EQ(fleet_.state(d).version, "1.5.0") << d;
  }
  // Waves: canary (3), then batches of 5 in the order given. Every device of
  // a wave got the update only after every device of the wave before committed.
  const std::vector<std::pair<std::size_t, std::size_t>> waves = {
      {0, 3}, {3, 8}, {8, 13}, {13, 18}, {18, 20}};
  const auto index_of = [&](const std::string& d, const std::string& what) {
    for (std::size_t i = 0; i < fleet_.events.size(); ++i) {
      if (fleet_.events[i].device == d && fleet_.events[i].what == what) return i;
    }
    return fleet_.events.size();
  };
  for (std::size_t w = 1; w < waves.size(); ++w) {
    std::size_t last_commit_before = 0;
    for (std::size_t i = waves[w - 1].first; i < waves[w - 1].second; ++i)
      last_commit_before = std::max(last_commit_before, index_of(devices_[i], "committed"));
    for (std::size_t i = waves[w].first; i < waves[w].second; ++i)
      EXPECT_GT(index_of(devices_[i], "update"), last_commit_before)
          << devices_[i] << " (wave " << w << ") got the update before wave " << w - 1
          << " had committed";
  }
}

TEST_F(FleetCliTest, ASilentDeviceStopsTheRollout) {
  const auto manifest = signed_manifest("upd-quiet", "1.5.0");
  fleet_.mute.insert(devices_[1]);
  auto args = broker_args();
  auto roll = rollout_args(manifest, devices_);
  *std::find(roll.begin(), roll.end(), "60") = "1";  // --silent-timeout 1
  args.insert(args.begin(), roll.begin(), roll.end());
  EXPECT_EQ(run(args), 4) << output();  // kExitSilent
  EXPECT_NE(output().find("1 silent for 1s, above the limit of 0 (" + devices_[1] + ")"),
            std::string::npos)
      << output();
  EXPECT_EQ(fleet_.count(devices_[0], "committed"), 1u);
  for (std::size_t i = 3; i < devices_.size(); ++i)
    EXPECT_EQ(fleet_.count(devices_[i], "update"), 0u) << devices_[i] << " got the update";
}

TEST_F(FleetCliTest, ScreenshotIsSavedAsThePngTheDeviceSent) {
  const auto png = dir_.path() / "shot.png";
  auto args = broker_args();
  const std::vector<std::string> cmd = {"cmd",      "screenshot", "--device", devices_[4],
                                        "--screen", "kiosk-1",    "--out",    png.string()};
  args.insert(args.begin(), cmd.begin(), cmd.end());
  ASSERT_EQ(run(args), 0) << output();
  const auto bytes = read_file(png);
  EXPECT_TRUE(looks_like_png(bytes));
  EXPECT_EQ(bytes, *base64_decode(test::kTinyPngBase64));

  // A screen the device does not have: its answer, a non-zero exit, no file.
  const auto missing = dir_.path() / "none.png";
  args = broker_args();
  const std::vector<std::string> bad = {"cmd",      "screenshot", "--device", devices_[4],
                                        "--screen", "kiosk-9",    "--out",    missing.string()};
  args.insert(args.begin(), bad.begin(), bad.end());
  EXPECT_EQ(run(args), 5) << output();
  EXPECT_NE(output().find("no screen kiosk-9"), std::string::npos) << output();
  EXPECT_FALSE(std::filesystem::exists(missing));

  args = broker_args();
  const std::vector<std::string> restart = {"cmd", "restart", "--device", devices_[4]};
  args.insert(args.begin(), restart.begin(), restart.end());
  EXPECT_EQ(run(args), 0) << output();
  EXPECT_EQ(fleet_.count(devices_[4], "cmd"), 3u);
}

TEST_F(FleetCliTest, DesiredConfigIsAppliedOrRefusedAndSecretsNeverLeave) {
  const auto good = dir_.path() / "good.json";
  std::ofstream(good) << R"({"offers":{"max_on_screen":6}})";
  auto args = broker_args();
  std::vector<std::string> pub = {
      "publish-config", "--device", devices_[0], "--file", good.string(),
      "--config-ver",   "5",        "--wait",    "5"};
  args.insert(args.begin(), pub.begin(), pub.end());
  EXPECT_EQ(run(args), 0) << output();
  EXPECT_EQ(fleet_.state(devices_[0]).config_ver, 5);

  const auto bad = dir_.path() / "bad.json";
  std::ofstream(bad) << R"({"offers":{"max_on_screen":99}})";
  args = broker_args();
  pub = {"publish-config", "--device", devices_[0], "--file", bad.string(),
         "--config-ver",   "6",        "--wait",    "5"};
  args.insert(args.begin(), pub.begin(), pub.end());
  EXPECT_EQ(run(args), 5) << output();
  EXPECT_NE(output().find("at most 12"), std::string::npos) << output();

  const auto secret = dir_.path() / "secret.json";
  std::ofstream(secret) << R"({"keys":{"fleet":{"evil":"/tmp/evil.pem"}}})";
  args = broker_args();
  pub = {"publish-config", "--device", devices_[1], "--file", secret.string(), "--config-ver", "9"};
  args.insert(args.begin(), pub.begin(), pub.end());
  EXPECT_EQ(run(args), 1) << output();
  EXPECT_EQ(fleet_.count(devices_[1], "desired"), 0u);
}

TEST_F(FleetCliTest, WatchOncePrintsTheTable) {
  auto args = broker_args();
  args.insert(args.begin(), {"watch", "--once"});
  ASSERT_EQ(run(args), 0) << output();
  const auto out = output();
  EXPECT_NE(out.find("DEVICE"), std::string::npos) << out;
  for (const auto& d : devices_)
    EXPECT_NE(out.find(d), std::string::npos) << d;
  EXPECT_NE(out.find("20 devices: 20 online, 0 offline"), std::string::npos) << out;
}

}  // namespace
}  // namespace fleet_cli_test
}  // namespace witryna::fleet
