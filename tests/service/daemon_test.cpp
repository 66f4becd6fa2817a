// Runs the built witryna-edge binary: --check-config on the shipped file and
// on a broken copy, and a whole life (READY, reload on SIGHUP, watchdog,
// clean stop on SIGTERM) under a fake systemd notify socket.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>

#include "tests/service/notify_receiver.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/wait.hpp"

extern char** environ;

namespace witryna::service {
namespace daemon_test {
namespace {

// WITRYNA_BINARY_DIR/edge/witryna-edge; without the variable, the build tree
// this test binary sits in (<build>/tests/edge_tests).
std::filesystem::path binary() {
  if (const char* dir = std::getenv("WITRYNA_BINARY_DIR"); dir != nullptr) {
    return std::filesystem::path(dir) / "edge" / "witryna-edge";
  }
  std::error_code ec;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  return self.parent_path().parent_path() / "edge" / "witryna-edge";
}

std::filesystem::path shipped_config() {
  const char* dir = std::getenv("WITRYNA_SOURCE_DIR");
  return std::filesystem::path(dir != nullptr ? dir : WITRYNA_TEST_SOURCE_DIR) / "firmware_config" /
         "witryna.toml";
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A child process with stdout and stderr in one file; killed if still running
// at the end of the test.
class Process {
 public:
  Process(const std::vector<std::string>& args, const std::filesystem::path& output,
          const std::vector<std::string>& extra_env = {}) {
    std::vector<char*> argv;
    for (const auto& a : args)
      argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    for (char** e = environ; *e != nullptr; ++e) {
      const std::string entry(*e);
      // The test's own systemd/journal context must not leak into the child.
      if (entry.starts_with("NOTIFY_SOCKET=") || entry.starts_with("WATCHDOG_") ||
          entry.starts_with("JOURNAL_STREAM=")) {
        continue;
      }
      env_.push_back(entry);
    }
    for (const auto& e : extra_env)
      env_.push_back(e);
    std::vector<char*> envp;
    for (auto& e : env_)
      envp.push_back(e.data());
    envp.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, output.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    if (posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), envp.data()) != 0) pid_ = -1;
    posix_spawn_file_actions_destroy(&actions);
  }
  ~Process() {
    if (pid_ > 0 && !status_) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;

  [[nodiscard]] bool started() const { return pid_ > 0; }
  void signal(int sig) const { ::kill(pid_, sig); }

  // The exit code once the process ended (-1: killed by a signal).
  std::optional<int> exited() {
    if (!status_ && pid_ > 0) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        status_ = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
    }
    return status_;
  }

  std::optional<int> wait_exit(std::chrono::milliseconds deadline = std::chrono::seconds(20)) {
    (void)test::wait_until([&] { return exited().has_value(); }, deadline);
    return exited();
  }

 private:
  std::vector<std::string> env_;
  pid_t pid_ = -1;
  std::optional<int> status_;
};

TEST(WitrynaEdge, TheShippedConfigChecksOk) {
  ASSERT_TRUE(std::filesystem::exists(binary())) << "build witryna-edge first: " << binary();
  test::TempDir dir;
  Process check({binary().string(), "--config", shipped_config().string(), "--check-config"},
                dir / "out.txt");
  ASSERT_TRUE(check.started());
  EXPECT_EQ(check.wait_exit(), 0) << read_file(dir / "out.txt");
  EXPECT_EQ(read_file(dir / "out.txt"), "config OK\n");
}

TEST(WitrynaEdge, ABrokenCopyExitsTwoWithTheMessage) {
  ASSERT_TRUE(std::filesystem::exists(binary()));
  test::TempDir dir;
  std::string text = read_file(shipped_config());
  const std::string good = "offline_max_value_minor = 5000";
  const auto at = text.find(good);
  ASSERT_NE(at, std::string::npos);
  text.replace(at, good.size(), "offline_max_value_minor = -5");
  text += "\n[offers2]\nx = 1\n";
  std::ofstream(dir / "bad.toml") << text;

  Process check({binary().string(), "--config", (dir / "bad.toml").string(), "--check-config"},
                dir / "out.txt");
  EXPECT_EQ(check.wait_exit(), 2);
  const std::string out = read_file(dir / "out.txt");
  EXPECT_NE(out.find("2 problems"), std::string::npos) << out;
  EXPECT_NE(out.find("redemption.offline_max_value_minor must be ≥ 0, got -5"), std::string::npos)
      << out;
  EXPECT_NE(out.find("unknown key offers2 (did you mean offers?)"), std::string::npos) << out;
}

TEST(WitrynaEdge, AMissingConfigExitsTwo) {
  test::TempDir dir;
  Process check({binary().string(), "--config", (dir / "absent.toml").string(), "--check-config"},
                dir / "out.txt");
  EXPECT_EQ(check.wait_exit(), 2);
  EXPECT_NE(read_file(dir / "out.txt").find("no configuration at"), std::string::npos);
}

TEST(WitrynaEdge, PrintsItsVersion) {
  test::TempDir dir;
  Process version({binary().string(), "--version"}, dir / "out.txt");
  EXPECT_EQ(version.wait_exit(), 0);
  EXPECT_EQ(read_file(dir / "out.txt"), std::string("witryna-edge ") + WITRYNA_VERSION + "\n");
}

TEST(WitrynaEdge, RunsReloadsFeedsTheWatchdogAndStopsCleanly) {
  ASSERT_TRUE(std::filesystem::exists(binary()));
  test::TempDir dir;
  test::NotifyReceiver systemd(dir / "notify.sock");
  ASSERT_TRUE(systemd.bound());
  // The service now opens the store, the screen socket and the sim scanners:
  // every path of the shipped config goes into the temp folder.
  Process edge({binary().string(), "--config", shipped_config().string(), "--set",
                "storage.state_dir=" + (dir / "state").string(), "--set",
                "storage.db_path=" + (dir / "state" / "witryna.db").string(), "--set",
                "screen_api.socket=" + (dir / "screen.sock").string(), "--set",
                "screen_api.socket_group=\"\"", "--set",
                "scanners.kiosk-1-sim.path=" + (dir / "scan-kiosk-1").string(), "--set",
                "scanners.checkout-1-sim.path=" + (dir / "scan-checkout-1").string()},
               dir / "log.txt",
               {"NOTIFY_SOCKET=" + (dir / "notify.sock").string(), "WATCHDOG_USEC=100000"});
  ASSERT_TRUE(edge.started());

  ASSERT_TRUE(test::wait_until([&] { return systemd.received("READY=1"); }))
      << read_file(dir / "log.txt");
  EXPECT_TRUE(std::filesystem::exists(dir / "state" / "witryna-edge.lock"));
  EXPECT_TRUE(test::wait_until([&] { return systemd.count("WATCHDOG=1") >= 2; }));

  edge.signal(SIGHUP);
  ASSERT_TRUE(test::wait_until([&] { return systemd.count("READY=1") >= 2; }))
      << read_file(dir / "log.txt");
  EXPECT_TRUE(systemd.received("RELOADING=1"));
  EXPECT_FALSE(edge.exited());

  edge.signal(SIGTERM);
  EXPECT_EQ(edge.wait_exit(), 0) << read_file(dir / "log.txt");
  EXPECT_TRUE(systemd.received("STOPPING=1"));
  const std::string log = read_file(dir / "log.txt");
  EXPECT_NE(log.find("info ready"), std::string::npos) << log;
  EXPECT_NE(log.find("configuration unchanged"), std::string::npos) << log;
  EXPECT_NE(log.find("stopping on SIGTERM"), std::string::npos) << log;
}

TEST(WitrynaEdge, AnInvalidConfigDoesNotStart) {
  test::TempDir dir;
  std::ofstream(dir / "bad.toml") << "[device]\nid = \"x\"\n";
  Process edge({binary().string(), "--config", (dir / "bad.toml").string()}, dir / "log.txt");
  EXPECT_EQ(edge.wait_exit(), 2);
  EXPECT_NE(read_file(dir / "log.txt").find("device.brand is required"), std::string::npos);
}

}  // namespace
}  // namespace daemon_test
}  // namespace witryna::service
