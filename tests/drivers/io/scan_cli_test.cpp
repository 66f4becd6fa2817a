#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "drivers/sim/sim_scanner.hpp"
#include "tests/drivers/io/recorder.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/test_event_loop.hpp"

namespace witryna::drivers::sim {
namespace scan_cli_test {
namespace {

using std::chrono::milliseconds;

std::filesystem::path cli_path() {
  if (const char* dir = std::getenv("WITRYNA_BINARY_DIR")) {
    return std::filesystem::path(dir) / "tools" / "scan" / "witryna-scan";
  }
  return WITRYNA_SCAN_CLI;
}

std::string quoted(const std::string& arg) {
  std::string out = "'";
  for (char c : arg) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

// Runs witryna-scan with `args` (its stderr kept out of the test log) and
// returns its exit status, or -1 when it did not exit normally.
int run_cli(const std::vector<std::string>& args) {
  std::string command = quoted(cli_path().string());
  for (const auto& arg : args)
    command += " " + quoted(arg);
  command += " 2>/dev/null";
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

class ScanCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(std::filesystem::exists(cli_path())) << cli_path() << " (build witryna-scan)";
  }
  ~ScanCliTest() override { scanner_.reset(); }

  void start(ScannerSpec spec) {
    spec.id = "sim-kiosk-1";
    spec.kind = ScannerKind::kSim;
    spec.reopen_interval = milliseconds(20);
    scanner_ = std::make_unique<SimScanner>(loop_.io(), std::move(spec), recorder_.handlers());
    scanner_->start();
    ASSERT_TRUE(loop_.run_until([&] { return recorder_.last_state_is(StatusKind::kConnected); }));
  }
  [[nodiscard]] bool wait_scans(std::size_t n) {
    return loop_.run_until([&] { return recorder_.scans.size() >= n; });
  }

  test::TempDir dir_;
  test::TestEventLoop loop_;
  test::ScanRecorder recorder_;
  std::unique_ptr<SimScanner> scanner_;
};

TEST_F(ScanCliTest, SendsToATcpPort) {
  ScannerSpec spec;
  spec.port = 0;
  start(spec);
  ASSERT_EQ(run_cli({"--port", std::to_string(scanner_->tcp_port()), "2900000123458"}), 0);
  ASSERT_TRUE(wait_scans(1));
  EXPECT_EQ(recorder_.payloads(), std::vector<std::string>{"2900000123458"});
}

TEST_F(ScanCliTest, SendsSeveralPayloadsToAFifo) {
  ScannerSpec spec;
  spec.path = dir_ / "scan.fifo";
  start(spec);
  ASSERT_EQ(run_cli({"--fifo", spec.path.string(), "7K3M-9Q2D-J", "2900000000018"}), 0);
  ASSERT_TRUE(wait_scans(2));
  EXPECT_EQ(recorder_.payloads(), (std::vector<std::string>{"7K3M-9Q2D-J", "2900000000018"}));
}

TEST_F(ScanCliTest, FindsTheScannerInTheConfig) {
  ScannerSpec spec;
  spec.port = 0;
  start(spec);
  const auto config = dir_ / "witryna.toml";
  std::ofstream(config) << "[[scanners]]\nid = \"hid-till-1\"\nkind = \"hid\"\n"
                           "path = \"/dev/input/by-id/x\"\nscreen = \"till-1\"\n\n"
                           "[[scanners]]\nid = \"sim-kiosk-1\"\nkind = \"sim\"\nport = "
                        << scanner_->tcp_port() << "\nscreen = \"kiosk-1\"\n";
  ASSERT_EQ(run_cli({"--config", config.string(), "--scanner", "sim-kiosk-1", "2900000123458"}), 0);
  ASSERT_TRUE(wait_scans(1));
  EXPECT_EQ(recorder_.payloads(), std::vector<std::string>{"2900000123458"});
}

TEST_F(ScanCliTest, FindsAFifoScannerInATableKeyedById) {
  ScannerSpec spec;
  spec.path = dir_ / "kiosk.fifo";
  start(spec);
  const auto config = dir_ / "witryna.toml";
  std::ofstream(config) << "[scanners.sim-kiosk-1]\nkind = \"sim\"\npath = \"kiosk.fifo\"\n";
  ASSERT_EQ(run_cli({"--config", config.string(), "--scanner", "sim-kiosk-1", "A1B2-C3D4-Y"}), 0);
  ASSERT_TRUE(wait_scans(1));
  EXPECT_EQ(recorder_.payloads(), std::vector<std::string>{"A1B2-C3D4-Y"});
}

TEST_F(ScanCliTest, RefusalsHaveTheirExitStatus) {
  const auto config = dir_ / "witryna.toml";
  std::ofstream(config) << "[[scanners]]\nid = \"hid-1\"\nkind = \"hid\"\npath = \"/dev/x\"\n";
  const auto nobody = dir_ / "nobody.fifo";
  ASSERT_EQ(::mkfifo(nobody.c_str(), 0600), 0);
  struct Case {
    const char* name;
    std::vector<std::string> args;
    int status;
  };
  const std::vector<Case> cases = {
      {"no_target", {"123"}, 2},
      {"no_payload", {"--port", "7601"}, 2},
      {"two_targets", {"--port", "7601", "--fifo", nobody.string(), "1"}, 2},
      {"scanner_without_config", {"--scanner", "sim-1", "1"}, 2},
      {"help", {"--help"}, 0},
      {"payload_with_newline", {"--fifo", nobody.string(), "12\n3"}, 2},
      {"unknown_scanner", {"--config", config.string(), "--scanner", "sim-9", "1"}, 2},
      {"not_a_sim_scanner", {"--config", config.string(), "--scanner", "hid-1", "1"}, 2},
      {"nobody_reads_the_fifo", {"--fifo", nobody.string(), "1"}, 1},
      {"fifo_absent", {"--fifo", (dir_ / "absent").string(), "1"}, 1},
  };
  for (const auto& c : cases)
    EXPECT_EQ(run_cli(c.args), c.status) << c.name;
}

TEST_F(ScanCliTest, NothingListeningOnThePortIsNotDelivered) {
  // A port that was just free: bind, note, close.
  std::uint16_t port = 0;
  {
    boost::asio::io_context io;
    boost::asio::ip::tcp::acceptor a(
        io, boost::asio::ip::tcp::endpoint(boost::asio::ip::address_v4::loopback(), 0));
    port = a.local_endpoint().port();
  }
  EXPECT_EQ(run_cli({"--port", std::to_string(port), "1"}), 1);
}

}  // namespace
}  // namespace scan_cli_test
}  // namespace witryna::drivers::sim
