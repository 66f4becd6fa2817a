// Outbox publishing: batches in order of n within limits, a window, cumulative
// acks, re-send after the ack timeout and on reconnect.
#include "sync/core/outbox_publisher.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sync/core/outbound_payloads.hpp"
#include "tests/sync/core/test_time.hpp"

namespace witryna::sync::core {
namespace outbox_publisher_test {
namespace {

using test::at_ms;
using test::at_s;

// {"device":"D","events":[]} is 26 bytes.
constexpr std::size_t kOverhead = 26;

std::vector<PendingEvent> events(std::int64_t from, std::int64_t to, std::size_t bytes = 20) {
  std::vector<PendingEvent> out;
  for (std::int64_t n = from; n <= to; ++n)
    out.push_back({n, bytes});
  return out;
}

// The pending events with n > after, at most `max` (what the store returns).
std::vector<PendingEvent> fetch(const std::vector<PendingEvent>& all, const OutboxWant& w) {
  std::vector<PendingEvent> out;
  for (const auto& e : all) {
    if (e.n > w.after_n && out.size() < w.max_events) out.push_back(e);
  }
  return out;
}

TEST(OutboxPublisher, OverheadMatchesThePayload) {
  EXPECT_EQ(events_payload_bytes("D", 0, 0), kOverhead);
  const std::vector<std::string_view> evs = {R"({"n":1})", R"({"n":2,"type":"scan"})"};
  for (const std::string device : {"D", "PL-WAW-001-edge1", "quote\"and\\slash", "zażółć"}) {
    const auto payload = events_payload(device, evs);
    EXPECT_EQ(payload.size(), events_payload_bytes(device, 2, evs[0].size() + evs[1].size()))
        << device;
  }
  EXPECT_EQ(events_payload("D", evs), R"({"device":"D","events":[{"n":1},{"n":2,"type":"scan"}]})");
}

struct BatchCase {
  const char* name;
  OutboxOptions options;
  std::vector<PendingEvent> pending;
  std::vector<OutboxBatch> expected;
};

TEST(OutboxPublisher, BatchesInOrderWithinEventAndByteLimitsAndTheWindow) {
  const std::vector<BatchCase> cases = {
      {"event limit and window",
       {3, 1000, 2, Millis(10'000)},
       events(1, 7),
       {{1, 3, 0, 3, kOverhead + 60 + 2}, {4, 6, 3, 6, kOverhead + 60 + 2}}},
      {"byte limit",
       {10, kOverhead + 41, 3, Millis(10'000)},
       events(1, 5),
       {{1, 2, 0, 2, kOverhead + 41}, {3, 4, 2, 4, kOverhead + 41}, {5, 5, 4, 5, kOverhead + 20}}},
      {"an oversized event goes alone",
       {10, 100, 3, Millis(10'000)},
       {{1, 20}, {2, 500}, {3, 20}},
       {{1, 1, 0, 1, kOverhead + 20}, {2, 2, 1, 2, kOverhead + 500}, {3, 3, 2, 3, kOverhead + 20}}},
      {"gaps in n (dropped events) are fine",
       {10, 1000, 1, Millis(10'000)},
       {{3, 20}, {7, 20}, {8, 20}},
       {{3, 8, 0, 3, kOverhead + 60 + 2}}},
      {"nothing pending", {10, 1000, 1, Millis(10'000)}, {}, {}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    OutboxPublisher pub("D", 0, c.options);
    const auto want = pub.want(at_s(0), true);
    EXPECT_EQ(want, (OutboxWant{0, c.options.window * c.options.max_events, false}));
    const auto batches = pub.plan(c.pending, at_s(0));
    EXPECT_EQ(batches, c.expected);
    EXPECT_EQ(pub.in_flight(), c.expected.size());
  }
}

TEST(OutboxPublisher, CumulativeAcksFreeTheWindowAndAreNeverAppliedBackwards) {
  const auto all = events(1, 9);
  OutboxPublisher pub("D", 0, {3, 1000, 2, Millis(10'000)});
  auto w = pub.want(at_s(0), true);
  auto b = pub.plan(fetch(all, w), at_s(0));
  ASSERT_EQ(b.size(), 2U);  // 1-3, 4-6
  EXPECT_EQ(pub.want(at_s(1), true), (OutboxWant{6, 0, false}));

  EXPECT_EQ(pub.on_ack(3, at_s(1)), (AckDecision{3, false}));
  EXPECT_EQ(pub.in_flight(), 1U);
  w = pub.want(at_s(1), true);
  EXPECT_EQ(w, (OutboxWant{6, 3, false}));
  b = pub.plan(fetch(all, w), at_s(1));
  ASSERT_EQ(b.size(), 1U);
  EXPECT_EQ(b[0].first_n, 7);
  EXPECT_EQ(b[0].last_n, 9);

  EXPECT_EQ(pub.on_ack(2, at_s(2)), (AckDecision{std::nullopt, false}));  // older
  EXPECT_EQ(pub.on_ack(3, at_s(2)), (AckDecision{std::nullopt, false}));  // repeat
  EXPECT_EQ(pub.on_ack(5, at_s(2)), (AckDecision{5, false}));             // inside a batch
  EXPECT_EQ(pub.in_flight(), 2U);
  EXPECT_EQ(pub.on_ack(100, at_s(3)), (AckDecision{9, true}));  // never beyond what exists
  EXPECT_EQ(pub.in_flight(), 0U);
  EXPECT_EQ(pub.acked_upto(), 9);
  EXPECT_EQ(pub.next_timeout(), std::nullopt);
}

TEST(OutboxPublisher, AckBeforeAnythingWasSeenIsClampedAway) {
  OutboxPublisher pub("D", 4);
  EXPECT_EQ(pub.on_ack(10, at_s(0)), (AckDecision{std::nullopt, true}));
  EXPECT_EQ(pub.acked_upto(), 4);
}

TEST(OutboxPublisher, ResendsFromTheFirstUnackedAfterTheAckTimeout) {
  const auto all = events(1, 6);
  OutboxPublisher pub("D", 0, {2, 1000, 3, Millis(10'000)});
  auto b = pub.plan(fetch(all, pub.want(at_s(0), true)), at_s(0));
  ASSERT_EQ(b.size(), 3U);
  EXPECT_EQ(pub.next_timeout(), at_s(10));
  EXPECT_EQ(pub.on_ack(2, at_s(8)), (AckDecision{2, false}));  // progress restarts the wait
  EXPECT_EQ(pub.next_timeout(), at_s(18));
  EXPECT_EQ(pub.want(at_ms(17'999), true), (OutboxWant{6, 2, false}));

  const auto w = pub.want(at_s(18), true);
  EXPECT_EQ(w, (OutboxWant{2, 6, true}));
  b = pub.plan(fetch(all, w), at_s(18));
  ASSERT_EQ(b.size(), 2U);
  EXPECT_EQ(b[0].first_n, 3);
  EXPECT_EQ(b[1].last_n, 6);
  EXPECT_EQ(pub.next_timeout(), at_s(28));
}

TEST(OutboxPublisher, ReconnectResendsEverythingUnackedInOrder) {
  const auto all = events(1, 5);
  OutboxPublisher pub("D", 0, {2, 1000, 8, Millis(10'000)});
  static_cast<void>(pub.plan(fetch(all, pub.want(at_s(0), true)), at_s(0)));
  static_cast<void>(pub.on_ack(1, at_s(1)));
  pub.on_disconnected();
  EXPECT_EQ(pub.want(at_s(2), false).max_events, 0U);
  EXPECT_EQ(pub.next_timeout(), std::nullopt);
  pub.on_connected();
  const auto w = pub.want(at_s(3), true);
  EXPECT_EQ(w.after_n, 1);
  const auto b = pub.plan(fetch(all, w), at_s(3));
  ASSERT_EQ(b.size(), 2U);
  EXPECT_EQ(b[0].first_n, 2);
  EXPECT_EQ(b[0].last_n, 3);
  EXPECT_EQ(b[1].first_n, 4);
  EXPECT_EQ(b[1].last_n, 5);
}

TEST(OutboxPublisher, FailedPublishStartsOverAndNewEventsFollowInOrder) {
  auto all = events(1, 2);
  OutboxPublisher pub("D", 0, {10, 1000, 4, Millis(10'000)});
  static_cast<void>(pub.plan(fetch(all, pub.want(at_s(0), true)), at_s(0)));
  all.push_back({3, 20});
  auto w = pub.want(at_s(1), true);
  auto b = pub.plan(fetch(all, w), at_s(1));
  ASSERT_EQ(b.size(), 1U);
  EXPECT_EQ(b[0].first_n, 3);  // 1-2 already in flight
  pub.on_publish_failed();
  w = pub.want(at_s(2), true);
  b = pub.plan(fetch(all, w), at_s(2));
  ASSERT_EQ(b.size(), 1U);
  EXPECT_EQ(b[0].first_n, 1);
  EXPECT_EQ(b[0].last_n, 3);
}

}  // namespace
}  // namespace outbox_publisher_test
}  // namespace witryna::sync::core
