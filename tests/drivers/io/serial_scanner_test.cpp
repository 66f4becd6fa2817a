#include "drivers/serial/serial_scanner.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>

#include "tests/drivers/io/posix_files.hpp"
#include "tests/drivers/io/recorder.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/test_event_loop.hpp"

namespace witryna::drivers::serial {
namespace serial_scanner_test {
namespace {

using std::chrono::milliseconds;

// A pty's slave stands in for the scanner's tty, reached through a stable
// symlink as /dev/serial/by-id/… would be.
class SerialScannerTest : public ::testing::Test {
 protected:
  SerialScannerTest() {
    spec_.id = "serial-till-1";
    spec_.kind = ScannerKind::kSerial;
    spec_.path = dir_ / "usb-scanner-if00";
    spec_.reopen_interval = milliseconds(20);
  }
  ~SerialScannerTest() override { scanner_.reset(); }

  void plug(const test::Pty& pty) { std::filesystem::create_symlink(pty.slave_path(), spec_.path); }
  void unplug(test::Pty& pty) {
    std::filesystem::remove(spec_.path);
    pty.close();
  }
  void start() {
    scanner_ = std::make_unique<SerialScanner>(loop_.io(), spec_, recorder_.handlers());
    scanner_->start();
  }
  [[nodiscard]] bool wait_connected_times(std::size_t n) {
    return loop_.run_until([&] {
      return recorder_.count(StatusKind::kConnected) == n &&
             recorder_.last_state_is(StatusKind::kConnected);
    });
  }
  [[nodiscard]] bool wait_scans(std::size_t n) {
    return loop_.run_until([&] { return recorder_.scans.size() >= n; });
  }

  test::TempDir dir_;
  test::TestEventLoop loop_;
  test::ScanRecorder recorder_;
  ScannerSpec spec_;
  std::unique_ptr<SerialScanner> scanner_;
};

TEST_F(SerialScannerTest, LinesEndingInCrLfCrOrLfAreScans) {
  test::Pty pty;
  plug(pty);
  start();
  ASSERT_TRUE(wait_connected_times(1));
  ASSERT_TRUE(pty.write("abc\r\n"));
  ASSERT_TRUE(wait_scans(1));
  ASSERT_TRUE(pty.write("2900000"));
  ASSERT_TRUE(pty.write("123458\r7K3M-9Q2D-J\nlast"));
  ASSERT_TRUE(wait_scans(3));
  EXPECT_EQ(recorder_.payloads(),
            (std::vector<std::string>{"abc", "2900000123458", "7K3M-9Q2D-J"}));
  EXPECT_EQ(recorder_.scans[0].scanner, "serial-till-1");
}

TEST_F(SerialScannerTest, OverlongLineIsDroppedAndReported) {
  test::Pty pty;
  plug(pty);
  start();
  ASSERT_TRUE(wait_connected_times(1));
  ASSERT_TRUE(pty.write(std::string(kMaxScanBytes + 1, 'x') + "\r\nok\r\n"));
  ASSERT_TRUE(wait_scans(1));
  EXPECT_EQ(recorder_.payloads(), std::vector<std::string>{"ok"});
  EXPECT_EQ(recorder_.count(StatusKind::kDiscarded, reason::kOverlong), 1U);
}

TEST_F(SerialScannerTest, ClosedAndReopened) {
  start();
  ASSERT_TRUE(loop_.run_until(
      [&] { return recorder_.last_state_is(StatusKind::kDisconnected, reason::kNotFound); }));

  auto pty = std::make_unique<test::Pty>();
  plug(*pty);
  ASSERT_TRUE(wait_connected_times(1));
  ASSERT_TRUE(pty->write("one\r\n"));
  ASSERT_TRUE(wait_scans(1));

  unplug(*pty);
  ASSERT_TRUE(loop_.run_until(
      [&] { return recorder_.last_state_is(StatusKind::kDisconnected, reason::kNotFound); }));
  EXPECT_FALSE(scanner_->connected());
  EXPECT_EQ(recorder_.count(StatusKind::kDisconnected, reason::kDeviceGone), 1U);

  pty = std::make_unique<test::Pty>();
  plug(*pty);
  ASSERT_TRUE(wait_connected_times(2));
  ASSERT_TRUE(pty->write("two\r\n"));
  ASSERT_TRUE(wait_scans(2));
  EXPECT_EQ(recorder_.payloads(), (std::vector<std::string>{"one", "two"}));
}

TEST_F(SerialScannerTest, SettingsTheTtyRefusesAreReported) {
  spec_.stop_bits = StopBits::kOnePointFive;  // POSIX termios has no 1.5 stop bits
  test::Pty pty;
  plug(pty);
  start();
  ASSERT_TRUE(loop_.run_until(
      [&] { return recorder_.last_state_is(StatusKind::kDisconnected, reason::kIoError); }));
  EXPECT_NE(recorder_.statuses.back().detail.find("cannot set up"), std::string::npos);
  EXPECT_FALSE(scanner_->connected());
}

}  // namespace
}  // namespace serial_scanner_test
}  // namespace witryna::drivers::serial
