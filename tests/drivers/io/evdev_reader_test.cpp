#include <gtest/gtest.h>
#include <unistd.h>

#include <optional>
#include <vector>

#include "drivers/hid/linux_reader.hpp"
#include "tests/drivers/io/key_events.hpp"
#include "tests/drivers/io/posix_files.hpp"
#include "tests/support/test_event_loop.hpp"

namespace witryna::drivers::hid {
namespace evdev_reader_test {
namespace {

struct Seen {
  unsigned short type;
  unsigned short code;
  int value;
  friend bool operator==(const Seen&, const Seen&) = default;
};

class EvdevReaderOnAPipe : public ::testing::Test {
 protected:
  void SetUp() override {
    int fds[2];
    ASSERT_EQ(::pipe(fds), 0);
    write_end_ = fds[1];
    reader_.emplace(
        loop_.io(), fds[0],
        [this](const input_event& e) {
          seen_.push_back({e.type, e.code, e.value});
        },
        [this](int error) { ended_ = error; });
  }
  void TearDown() override {
    reader_.reset();
    if (write_end_ >= 0) ::close(write_end_);
  }

  test::TestEventLoop loop_;
  int write_end_ = -1;
  std::optional<EvdevReader> reader_;
  std::vector<Seen> seen_;
  std::optional<int> ended_;
};

TEST_F(EvdevReaderOnAPipe, DeliversRecordsEvenWhenSplitAcrossWrites) {
  reader_->start();
  const auto bytes = test::tap(KEY_7);  // 6 records
  // Odd cuts: a record's first byte, the rest of it and half the next, the rest.
  ASSERT_TRUE(test::write_all(write_end_, bytes.substr(0, 1)));
  loop_.run_for(std::chrono::milliseconds(20));
  EXPECT_TRUE(seen_.empty());
  ASSERT_TRUE(test::write_all(write_end_, bytes.substr(1, sizeof(input_event) * 3 / 2)));
  ASSERT_TRUE(loop_.run_until([&] { return seen_.size() == 1; }));
  ASSERT_TRUE(test::write_all(write_end_, bytes.substr(1 + sizeof(input_event) * 3 / 2)));
  ASSERT_TRUE(loop_.run_until([&] { return seen_.size() == 6; }));
  const std::vector<Seen> expected = {
      {EV_MSC, MSC_SCAN, 0x70000 + KEY_7}, {EV_KEY, KEY_7, 1}, {EV_SYN, SYN_REPORT, 0},
      {EV_MSC, MSC_SCAN, 0x70000 + KEY_7}, {EV_KEY, KEY_7, 0}, {EV_SYN, SYN_REPORT, 0}};
  EXPECT_EQ(seen_, expected);
  EXPECT_FALSE(ended_.has_value());
}

TEST_F(EvdevReaderOnAPipe, EndOfFileWhenTheWriterGoes) {
  reader_->start();
  ::close(write_end_);
  write_end_ = -1;
  ASSERT_TRUE(loop_.run_until([&] { return ended_.has_value(); }));
  EXPECT_EQ(*ended_, 0);
}

TEST_F(EvdevReaderOnAPipe, GrabFailsOnAPipeWithTheOsReason) {
  const auto grabbed = reader_->grab();
  ASSERT_FALSE(grabbed.has_value());
  EXPECT_EQ(grabbed.error().code, errc::kIo);
  EXPECT_NE(grabbed.error().context.find("EVIOCGRAB"), std::string::npos);
}

}  // namespace
}  // namespace evdev_reader_test
}  // namespace witryna::drivers::hid
