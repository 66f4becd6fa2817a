#include "drivers/reporter.hpp"

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <optional>
#include <vector>

namespace witryna::drivers {
namespace reporter_test {
namespace {

struct Collected {
  std::vector<ScanEvent> scans;
  std::vector<ScannerStatus> statuses;
  ScannerHandlers handlers() {
    return {[this](ScanEvent e) { scans.push_back(std::move(e)); },
            [this](ScannerStatus s) { statuses.push_back(std::move(s)); }};
  }
};

TEST(Reporter, PostsRatherThanCalls) {
  boost::asio::io_context io;
  Collected got;
  Reporter reporter(io, "s1", got.handlers());
  reporter.frame({FrameKind::kScan, "2900000123458"});
  reporter.connected(reason::kOk, "/dev/x");
  EXPECT_TRUE(got.scans.empty());
  EXPECT_TRUE(got.statuses.empty());
  io.run();
  ASSERT_EQ(got.scans.size(), 1U);
  EXPECT_EQ(got.scans[0].scanner, "s1");
  EXPECT_EQ(got.scans[0].payload, "2900000123458");
  ASSERT_EQ(got.statuses.size(), 1U);
  EXPECT_EQ(got.statuses[0].kind, StatusKind::kConnected);
  EXPECT_EQ(got.statuses[0].detail, "/dev/x");
}

TEST(Reporter, StateIsPassedOnOnlyWhenItChanges) {
  boost::asio::io_context io;
  Collected got;
  Reporter reporter(io, "s1", got.handlers());
  reporter.disconnected(reason::kNotFound, "try 1");
  reporter.disconnected(reason::kNotFound, "try 2");
  reporter.disconnected(reason::kPermissionDenied, "chmod");
  reporter.connected(reason::kOk, "");
  reporter.connected(reason::kOk, "");
  reporter.frame({FrameKind::kTimedOut, {}});
  reporter.frame({FrameKind::kTimedOut, {}});  // discards are events: each one counts
  EXPECT_TRUE(reporter.is_connected());
  reporter.forget_state();
  reporter.connected(reason::kOk, "");
  io.run();
  std::vector<std::pair<StatusKind, std::string>> seen;
  for (const auto& s : got.statuses)
    seen.emplace_back(s.kind, s.reason);
  const std::vector<std::pair<StatusKind, std::string>> expected = {
      {StatusKind::kDisconnected, "not_found"}, {StatusKind::kDisconnected, "permission_denied"},
      {StatusKind::kConnected, "ok"},           {StatusKind::kDiscarded, "timeout"},
      {StatusKind::kDiscarded, "timeout"},      {StatusKind::kConnected, "ok"}};
  EXPECT_EQ(seen, expected);
}

TEST(Reporter, NothingArrivesAfterTheReporterIsGone) {
  boost::asio::io_context io;
  Collected got;
  std::optional<Reporter> reporter(std::in_place, io, "s1", got.handlers());
  reporter->frame({FrameKind::kScan, "1"});
  reporter->disconnected(reason::kNotFound, "");
  reporter.reset();
  io.run();
  EXPECT_TRUE(got.scans.empty());
  EXPECT_TRUE(got.statuses.empty());
}

TEST(Reporter, EmptyHandlersAreAllowed) {
  boost::asio::io_context io;
  Reporter reporter(io, "s1", {});
  reporter.frame({FrameKind::kScan, "1"});
  reporter.connected(reason::kOk, "");
  EXPECT_EQ(io.run(), 0U);
}

}  // namespace
}  // namespace reporter_test
}  // namespace witryna::drivers
