#include "drivers/sim/sim_scanner.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <fstream>
#include <memory>

#include "tests/drivers/io/posix_files.hpp"
#include "tests/drivers/io/recorder.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/test_event_loop.hpp"

namespace witryna::drivers::sim {
namespace sim_scanner_test {
namespace {

using boost::asio::ip::tcp;
using std::chrono::milliseconds;

// A blocking client on the test's own io_context (not the loop's).
class Client {
 public:
  explicit Client(std::uint16_t port) : socket_(io_) {
    socket_.connect(tcp::endpoint(boost::asio::ip::address_v4::loopback(), port));
  }
  void send(std::string_view bytes) { boost::asio::write(socket_, boost::asio::buffer(bytes)); }
  void close() { socket_.close(); }

 private:
  boost::asio::io_context io_;
  tcp::socket socket_;
};

// Writes to a FIFO the way `echo … > fifo` does: open, write, close.
bool echo_to(const std::filesystem::path& fifo, std::string_view bytes) {
  const int fd = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return false;
  const bool ok = test::write_all(fd, bytes);
  ::close(fd);
  return ok;
}

class SimScannerTest : public ::testing::Test {
 protected:
  SimScannerTest() {
    spec_.id = "sim-1";
    spec_.kind = ScannerKind::kSim;
    spec_.reopen_interval = milliseconds(20);
  }
  ~SimScannerTest() override { scanner_.reset(); }

  void start() {
    scanner_ = std::make_unique<SimScanner>(loop_.io(), spec_, recorder_.handlers());
    scanner_->start();
  }
  [[nodiscard]] bool wait_connected() {
    return loop_.run_until([&] { return recorder_.last_state_is(StatusKind::kConnected); });
  }
  [[nodiscard]] bool wait_scans(std::size_t n) {
    return loop_.run_until([&] { return recorder_.scans.size() >= n; });
  }
  [[nodiscard]] std::vector<std::string> sorted_payloads() const {
    auto out = recorder_.payloads();
    std::sort(out.begin(), out.end());
    return out;
  }

  test::TempDir dir_;
  test::TestEventLoop loop_;
  test::ScanRecorder recorder_;
  ScannerSpec spec_;
  std::unique_ptr<SimScanner> scanner_;
};

TEST_F(SimScannerTest, TcpLinesFromSeveralClientsAreScans) {
  spec_.port = 0;
  start();
  ASSERT_TRUE(wait_connected());
  ASSERT_NE(scanner_->tcp_port(), 0);
  Client a(scanner_->tcp_port());
  Client b(scanner_->tcp_port());
  a.send("2900000");
  b.send("7K3M-9Q2D-J\r\n");
  a.send("123458\nA1B2-C3D4-Y\r");
  ASSERT_TRUE(wait_scans(3));
  EXPECT_EQ(sorted_payloads(),
            (std::vector<std::string>{"2900000123458", "7K3M-9Q2D-J", "A1B2-C3D4-Y"}));
  EXPECT_EQ(recorder_.scans[0].scanner, "sim-1");
}

TEST_F(SimScannerTest, TcpClientLeavingMidLineOrSendingTooMuchIsReported) {
  spec_.port = 0;
  start();
  ASSERT_TRUE(wait_connected());
  {
    Client a(scanner_->tcp_port());
    a.send("half");
  }
  ASSERT_TRUE(loop_.run_until(
      [&] { return recorder_.count(StatusKind::kDiscarded, reason::kIncomplete) == 1; }));
  Client b(scanner_->tcp_port());
  b.send(std::string(kMaxScanBytes + 1, '9') + "\nok\n");
  ASSERT_TRUE(wait_scans(1));
  EXPECT_EQ(recorder_.payloads(), std::vector<std::string>{"ok"});
  EXPECT_EQ(recorder_.count(StatusKind::kDiscarded, reason::kOverlong), 1U);
}

TEST_F(SimScannerTest, TcpPortTakenIsReportedAndRetried) {
  boost::asio::io_context other;
  auto holder = std::make_unique<tcp::acceptor>(
      other, tcp::endpoint(boost::asio::ip::address_v4::loopback(), 0));
  spec_.port = holder->local_endpoint().port();
  start();
  ASSERT_TRUE(loop_.run_until(
      [&] { return recorder_.last_state_is(StatusKind::kDisconnected, reason::kAddressInUse); }));
  holder.reset();
  ASSERT_TRUE(wait_connected());
  Client a(*spec_.port);
  a.send("1\n");
  ASSERT_TRUE(wait_scans(1));
}

TEST_F(SimScannerTest, FifoIsMadeAndReopenedForEachWriter) {
  spec_.path = dir_ / "scan.fifo";
  start();
  ASSERT_TRUE(wait_connected());
  ASSERT_TRUE(std::filesystem::is_fifo(spec_.path));
  ASSERT_TRUE(echo_to(spec_.path, "2900000123458\n"));
  ASSERT_TRUE(wait_scans(1));
  // The first writer has gone (end of file): the next one is read too.
  ASSERT_TRUE(loop_.run_until([&] { return echo_to(spec_.path, "2900000000018\n"); }));
  ASSERT_TRUE(wait_scans(2));
  ASSERT_TRUE(loop_.run_until([&] { return echo_to(spec_.path, "unterminated"); }));
  ASSERT_TRUE(loop_.run_until(
      [&] { return recorder_.count(StatusKind::kDiscarded, reason::kIncomplete) == 1; }));
  EXPECT_EQ(recorder_.payloads(), (std::vector<std::string>{"2900000123458", "2900000000018"}));
  // Reopening after each writer is not a disconnection.
  EXPECT_EQ(recorder_.count(StatusKind::kConnected), 1U);
  EXPECT_EQ(recorder_.count(StatusKind::kDisconnected), 0U);
}

TEST_F(SimScannerTest, FifoPathHoldingAnotherFileIsReported) {
  spec_.path = dir_ / "not-a-fifo";
  std::ofstream(spec_.path) << "x";
  start();
  ASSERT_TRUE(loop_.run_until(
      [&] { return recorder_.last_state_is(StatusKind::kDisconnected, reason::kWrongFileType); }));
  std::filesystem::remove(spec_.path);
  ASSERT_TRUE(wait_connected());  // made on the next try
}

TEST_F(SimScannerTest, FifoAndTcpTogether) {
  spec_.path = dir_ / "scan.fifo";
  spec_.port = 0;
  start();
  ASSERT_TRUE(wait_connected());
  ASSERT_TRUE(scanner_->connected());
  ASSERT_TRUE(echo_to(spec_.path, "from-fifo\n"));
  Client a(scanner_->tcp_port());
  a.send("from-tcp\n");
  ASSERT_TRUE(wait_scans(2));
  EXPECT_EQ(sorted_payloads(), (std::vector<std::string>{"from-fifo", "from-tcp"}));
}

}  // namespace
}  // namespace sim_scanner_test
}  // namespace witryna::drivers::sim
