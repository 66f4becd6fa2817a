#include "drivers/hid/hid_scanner.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>

#include "tests/drivers/io/key_events.hpp"
#include "tests/drivers/io/posix_files.hpp"
#include "tests/drivers/io/recorder.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/test_event_loop.hpp"

namespace witryna::drivers::hid {
namespace hid_scanner_test {
namespace {

using std::chrono::milliseconds;
using test::enter;
using test::tap;
using test::type_us;
using test::with;

// The device is a FIFO in a temp folder (standing in for
// /dev/input/by-id/usb-…-event-kbd), fed real input_event records.
class HidScannerTest : public ::testing::Test {
 protected:
  HidScannerTest() {
    spec_.id = "hid-kiosk-1";
    spec_.kind = ScannerKind::kHid;
    spec_.path = dir_ / "usb-scanner-event-kbd";
    spec_.reopen_interval = milliseconds(20);
    spec_.timeout = milliseconds(5000);  // long: no test but the timeout one may hit it
  }
  ~HidScannerTest() override { scanner_.reset(); }

  void start() {
    scanner_ = std::make_unique<HidScanner>(loop_.io(), spec_, recorder_.handlers());
    scanner_->start();
  }
  [[nodiscard]] bool wait_connected() {
    return loop_.run_until([&] { return recorder_.last_state_is(StatusKind::kConnected); });
  }
  [[nodiscard]] bool wait_scans(std::size_t n) {
    return loop_.run_until([&] { return recorder_.scans.size() >= n; });
  }

  test::TempDir dir_;
  test::TestEventLoop loop_;
  test::ScanRecorder recorder_;
  ScannerSpec spec_;
  std::unique_ptr<HidScanner> scanner_;
};

TEST_F(HidScannerTest, ScanComesOutOnEnterWithShift) {
  test::HeldFifo device(spec_.path);
  start();
  ASSERT_TRUE(wait_connected());
  ASSERT_TRUE(
      device.write(type_us("7K3M-9Q2D-J") + enter() + type_us("2900000123458") + tap(KEY_KPENTER)));
  ASSERT_TRUE(wait_scans(2));
  EXPECT_EQ(recorder_.payloads(), (std::vector<std::string>{"7K3M-9Q2D-J", "2900000123458"}));
  EXPECT_EQ(recorder_.scans[0].scanner, "hid-kiosk-1");
  EXPECT_GT(recorder_.scans[0].at.time_since_epoch().count(), 0);
  EXPECT_TRUE(scanner_->connected());
}

TEST_F(HidScannerTest, PolishLettersWithAltGr) {
  spec_.layout = Layout::kPl;
  test::HeldFifo device(spec_.path);
  start();
  ASSERT_TRUE(wait_connected());
  ASSERT_TRUE(device.write(type_us("Pa") + with(KEY_RIGHTALT, tap(KEY_N)) + type_us("stwo ") +
                           with(KEY_LEFTSHIFT, with(KEY_RIGHTALT, tap(KEY_Z) + tap(KEY_L))) +
                           with(KEY_RIGHTALT, tap(KEY_O) + tap(KEY_X)) + enter()));
  ASSERT_TRUE(wait_scans(1));
  EXPECT_EQ(recorder_.payloads(), std::vector<std::string>{"Państwo ŻŁóź"});
}

TEST_F(HidScannerTest, KeyRepeatsAndReleasesTypeNothing) {
  test::HeldFifo device(spec_.path);
  start();
  ASSERT_TRUE(wait_connected());
  ASSERT_TRUE(device.write(test::press(KEY_4) + test::key_event(KEY_4, 2) +
                           test::key_event(KEY_4, 2) + test::release(KEY_4) + test::release(KEY_2) +
                           tap(KEY_2) + test::press(KEY_ENTER) + test::key_event(KEY_ENTER, 2) +
                           test::release(KEY_ENTER)));
  ASSERT_TRUE(wait_scans(1));
  EXPECT_EQ(recorder_.payloads(), std::vector<std::string>{"42"});
}

TEST_F(HidScannerTest, HalfReadScanTimesOutAndIsReported) {
  spec_.timeout = milliseconds(50);
  test::HeldFifo device(spec_.path);
  start();
  ASSERT_TRUE(wait_connected());
  ASSERT_TRUE(device.write(type_us("12")));
  ASSERT_TRUE(loop_.run_until(
      [&] { return recorder_.count(StatusKind::kDiscarded, reason::kTimeout) == 1; }));
  ASSERT_TRUE(device.write(type_us("34") + enter()));
  ASSERT_TRUE(wait_scans(1));
  EXPECT_EQ(recorder_.payloads(), std::vector<std::string>{"34"});
  EXPECT_EQ(recorder_.count(StatusKind::kDiscarded), 1U);
}

TEST_F(HidScannerTest, OverlongScanIsDroppedAndReported) {
  test::HeldFifo device(spec_.path);
  start();
  ASSERT_TRUE(wait_connected());
  std::string keys;
  for (std::size_t i = 0; i <= kMaxScanBytes; ++i)
    keys += tap(KEY_1);  // ~600 kB of events
  ASSERT_TRUE(device.write(keys + enter() + type_us("5") + enter(),
                           [&] { loop_.run_for(milliseconds(1)); }));
  ASSERT_TRUE(wait_scans(1));
  EXPECT_EQ(recorder_.payloads(), std::vector<std::string>{"5"});
  EXPECT_EQ(recorder_.count(StatusKind::kDiscarded, reason::kOverlong), 1U);
}

TEST_F(HidScannerTest, GrabFailureOnANonEvdevFileIsAWarningNotAFailure) {
  test::HeldFifo device(spec_.path);
  start();
  ASSERT_TRUE(wait_connected());
  EXPECT_TRUE(recorder_.last_state_is(StatusKind::kConnected, reason::kNotGrabbed));
  EXPECT_NE(recorder_.statuses.back().detail.find("EVIOCGRAB"), std::string::npos);
  ASSERT_TRUE(device.write(type_us("1") + enter()));
  ASSERT_TRUE(wait_scans(1));
}

TEST_F(HidScannerTest, NoGrabWhenNotAsked) {
  spec_.grab = false;
  test::HeldFifo device(spec_.path);
  start();
  ASSERT_TRUE(wait_connected());
  EXPECT_TRUE(recorder_.last_state_is(StatusKind::kConnected, reason::kOk));
}

TEST_F(HidScannerTest, HotPlugAbsentThenPluggedUnpluggedAndPluggedAgain) {
  start();
  ASSERT_TRUE(loop_.run_until(
      [&] { return recorder_.last_state_is(StatusKind::kDisconnected, reason::kNotFound); }));
  EXPECT_FALSE(scanner_->connected());

  auto device = std::make_unique<test::HeldFifo>(spec_.path);  // plugged in
  ASSERT_TRUE(wait_connected());
  ASSERT_TRUE(device->write(type_us("111") + enter() + type_us("22")));  // "22" left half-read
  ASSERT_TRUE(wait_scans(1));

  device->unplug();
  ASSERT_TRUE(loop_.run_until(
      [&] { return recorder_.last_state_is(StatusKind::kDisconnected, reason::kNotFound); }));
  EXPECT_EQ(recorder_.count(StatusKind::kDisconnected, reason::kDeviceGone), 1U);
  EXPECT_EQ(recorder_.count(StatusKind::kDiscarded, reason::kIncomplete), 1U);
  EXPECT_FALSE(scanner_->connected());

  device = std::make_unique<test::HeldFifo>(spec_.path);  // plugged back
  ASSERT_TRUE(wait_connected());
  ASSERT_TRUE(device->write(type_us("333") + enter()));
  ASSERT_TRUE(wait_scans(2));
  EXPECT_EQ(recorder_.payloads(), (std::vector<std::string>{"111", "333"}));
  // Retries while absent are not reported one by one.
  EXPECT_EQ(recorder_.count(StatusKind::kDisconnected, reason::kNotFound), 2U);
}

TEST_F(HidScannerTest, PermissionDeniedIsReportedAndRetried) {
  if (::geteuid() == 0) GTEST_SKIP() << "root opens any file";
  test::HeldFifo device(spec_.path);
  ::chmod(spec_.path.c_str(), 0);
  start();
  ASSERT_TRUE(loop_.run_until([&] {
    return recorder_.last_state_is(StatusKind::kDisconnected, reason::kPermissionDenied);
  }));
  ::chmod(spec_.path.c_str(), 0600);
  ASSERT_TRUE(wait_connected());
}

TEST_F(HidScannerTest, ARegularFileIsNotReadAsADevice) {
  std::ofstream(spec_.path) << test::type_us("1") + test::enter();
  start();
  ASSERT_TRUE(loop_.run_until(
      [&] { return recorder_.last_state_is(StatusKind::kDisconnected, reason::kWrongFileType); }));
  std::filesystem::remove(spec_.path);
  test::HeldFifo device(spec_.path);
  ASSERT_TRUE(wait_connected());
  EXPECT_TRUE(recorder_.scans.empty());
}

TEST_F(HidScannerTest, StopClosesAndStartReopens) {
  test::HeldFifo device(spec_.path);
  start();
  ASSERT_TRUE(wait_connected());
  scanner_->stop();
  EXPECT_FALSE(scanner_->connected());
  scanner_->start();
  ASSERT_TRUE(loop_.run_until([&] { return recorder_.count(StatusKind::kConnected) == 2; }));
  ASSERT_TRUE(device.write(type_us("8") + enter()));
  ASSERT_TRUE(wait_scans(1));
}

}  // namespace
}  // namespace hid_scanner_test
}  // namespace witryna::drivers::hid
