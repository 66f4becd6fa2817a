// One stream end to end: seq verdicts, resync requests (one outstanding,
// retry after 30 s, first start), snapshot answers and their timeouts.
#include "sync/core/stream_sync.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "tests/sync/core/test_time.hpp"

namespace witryna::sync::core {
namespace stream_sync_test {
namespace {

using test::at_s;
using LV = LiveVerdict;
using PV = PartVerdict;

// One step of a table: a live message, a snapshot part, or a poll, and what
// the decision must say. `resync_have` = have_seq of the request expected
// (nullopt: none).
struct Step {
  enum Kind { kLive, kPart, kPoll, kPollOffline } kind;
  long long t;  // seconds
  std::int64_t seq = 0;
  SnapshotPart part{};
  std::optional<LV> live = std::nullopt;
  std::optional<PV> part_verdict = std::nullopt;
  bool apply = false;
  std::optional<std::int64_t> persist = std::nullopt;
  std::optional<std::int64_t> resync_have = std::nullopt;
  std::optional<std::string> dropped = std::nullopt;
  std::optional<CompletedSnapshot> completed = std::nullopt;
  Phase phase_after = Phase::kIdle;
};

Step live(long long t, std::int64_t seq, LV v, std::optional<std::int64_t> persist,
          std::optional<std::int64_t> resync, Phase after) {
  Step s{Step::kLive, t};
  s.seq = seq;
  s.live = v;
  s.apply = v != LV::kDuplicate;
  s.persist = persist;
  s.resync_have = resync;
  s.phase_after = after;
  return s;
}

Step part(long long t, SnapshotPart p, PV v, std::optional<CompletedSnapshot> completed,
          std::optional<std::int64_t> persist, std::optional<std::int64_t> resync, Phase after,
          std::optional<std::string> dropped = std::nullopt) {
  Step s{Step::kPart, t};
  s.part = std::move(p);
  s.part_verdict = v;
  s.apply = v == PV::kAccepted;
  s.completed = std::move(completed);
  s.persist = persist;
  s.resync_have = resync;
  s.phase_after = after;
  s.dropped = std::move(dropped);
  return s;
}

Step poll(long long t, std::optional<std::int64_t> resync, Phase after,
          std::optional<std::string> dropped = std::nullopt, bool connected = true) {
  Step s{connected ? Step::kPoll : Step::kPollOffline, t};
  s.resync_have = resync;
  s.phase_after = after;
  s.dropped = std::move(dropped);
  return s;
}

// Runs the table; returns every request id sent, in order.
std::vector<std::string> run(StreamSync& sync, const std::vector<Step>& steps) {
  IdGenerator ids(1, 2);
  std::vector<std::string> requests;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const auto& s = steps[i];
    SCOPED_TRACE(testing::Message() << "step " << i << " at " << s.t << " s");
    std::optional<ResyncRequest> resync;
    std::optional<std::string> dropped;
    if (s.kind == Step::kLive || s.kind == Step::kPart) {
      const auto d = s.kind == Step::kLive ? sync.on_live(s.seq, at_s(s.t), ids)
                                           : sync.on_part(s.part, at_s(s.t), ids);
      EXPECT_EQ(d.stream, Stream::kStock);
      EXPECT_EQ(d.live, s.live);
      EXPECT_EQ(d.part, s.part_verdict);
      EXPECT_EQ(d.apply_items, s.apply);
      if (s.apply && s.kind == Step::kLive) {
        EXPECT_EQ(d.live_seq, s.seq);
      }
      if (s.apply && s.kind == Step::kPart) {
        EXPECT_EQ(d.snapshot_id, s.part.id);
      }
      if (!s.apply) {
        EXPECT_EQ(d.live_seq, std::nullopt);
        EXPECT_EQ(d.snapshot_id, std::nullopt);
      }
      EXPECT_EQ(d.persist_last, s.persist);
      EXPECT_EQ(d.completed, s.completed);
      resync = d.resync;
      dropped = d.dropped;
    } else {
      const auto d = sync.poll(at_s(s.t), s.kind == Step::kPoll, ids);
      resync = d.resync;
      dropped = d.dropped;
    }
    EXPECT_EQ(dropped, s.dropped);
    EXPECT_EQ(resync.has_value(), s.resync_have.has_value());
    if (resync && s.resync_have) {
      EXPECT_EQ(resync->stream, Stream::kStock);
      EXPECT_EQ(resync->have_seq, *s.resync_have);
      EXPECT_TRUE(is_uuid(resync->request));
      EXPECT_EQ(sync.outstanding_request(), resync->request);
      requests.push_back(resync->request);
    }
    EXPECT_EQ(sync.phase(), s.phase_after) << to_string(sync.phase());
  }
  return requests;
}

constexpr auto kIdle = Phase::kIdle;
constexpr auto kAwaiting = Phase::kAwaitingAnswer;
constexpr auto kReceiving = Phase::kReceivingSnapshot;

TEST(StreamSync, DuplicateInOrderGapAndOneOutstandingRequestRetriedAfter30s) {
  StreamSync sync(Stream::kStock, 10);
  const auto requests = run(
      sync, {
                live(0, 11, LV::kInOrder, 11, {}, kIdle),
                live(1, 11, LV::kDuplicate, {}, {}, kIdle),
                live(2, 3, LV::kDuplicate, {}, {}, kIdle),
                live(3, 14, LV::kGap, {}, 11, kAwaiting),  // last stays 11; ask with have_seq 11
                live(4, 15, LV::kGap, {}, {}, kAwaiting),  // one outstanding at most
                poll(32, {}, kAwaiting),                   // 29 s: not yet
                poll(33, {}, kAwaiting, {}, /*connected=*/false),  // offline: nothing goes out
                poll(33, 11, kAwaiting),  // 30 s without an answer: ask again
                poll(34, {}, kAwaiting),
                poll(63, 11, kAwaiting),
            });
  ASSERT_EQ(requests.size(), 3U);
  EXPECT_EQ(std::set<std::string>(requests.begin(), requests.end()).size(), 3U);
  EXPECT_EQ(sync.last_seq(), 11);
}

TEST(StreamSync, GapFilledByLateMessagesNeedsNoRetry) {
  StreamSync sync(Stream::kStock, 10);
  run(sync, {
                live(0, 13, LV::kGap, {}, 10, kAwaiting),
                live(1, 11, LV::kInOrder, 11, {}, kAwaiting),
                live(2, 12, LV::kInOrder, 13, {}, kAwaiting),  // jumps over 13 applied earlier
                live(3, 13, LV::kDuplicate, {}, {}, kAwaiting),
                poll(30, {}, kIdle),  // nothing to ask any more
                live(31, 14, LV::kInOrder, 14, {}, kIdle),
            });
}

TEST(StreamSync, FirstStartAsksEveryStreamFromZeroOnceConnected) {
  StreamSync sync(Stream::kStock, std::nullopt);
  EXPECT_TRUE(sync.needs_resync());
  EXPECT_EQ(sync.next_due(), TimePoint{});
  run(sync,
      {
          poll(0, {}, kIdle, {}, /*connected=*/false),
          poll(1, 0, kAwaiting),
          poll(2, {}, kAwaiting),
          live(3, 1, LV::kInOrder, 1, {}, kAwaiting),
          poll(31, 0, kAwaiting),  // still no snapshot: retried, still from 0
          part(32, {"s-1", 1, 1, 40}, PV::kAccepted, CompletedSnapshot{"s-1", 40}, 40, {}, kIdle),
          poll(100, {}, kIdle),
      });
  EXPECT_FALSE(sync.needs_resync());
}

TEST(StreamSync, SnapshotAnswersTheRequestAndIsNotRetriedWhileParticipating) {
  StreamSync sync(Stream::kStock, 100);
  run(sync, {
                live(0, 103, LV::kGap, {}, 100, kAwaiting),
                part(10, {"s-9", 1, 3, 104}, PV::kAccepted, {}, {}, {}, kReceiving),
                live(20, 105, LV::kGap, {}, {}, kReceiving),  // live messages interleave
                part(25, {"s-9", 1, 3, 104}, PV::kDuplicate, {}, {}, {}, kReceiving),
                poll(40, {}, kReceiving),  // 30 s after the request: no retry, parts are coming
                part(50, {"s-9", 3, 3, 104}, PV::kAccepted, {}, {}, {}, kReceiving),
                // complete: last = max(100, 104), then over 105 applied live
                part(60, {"s-9", 2, 3, 104}, PV::kAccepted, CompletedSnapshot{"s-9", 104}, 105, {},
                     kIdle),
                live(61, 106, LV::kInOrder, 106, {}, kIdle),
                poll(200, {}, kIdle),
            });
}

TEST(StreamSync, SnapshotLeavingAHoleAsksAgainAtOnce) {
  StreamSync sync(Stream::kStock, 100);
  run(sync, {
                live(0, 110, LV::kGap, {}, 100, kAwaiting),
                // covers up to 105: 106-109 still missing
                part(5, {"s-1", 1, 1, 105}, PV::kAccepted, CompletedSnapshot{"s-1", 105}, 105, 105,
                     kAwaiting),
            });
}

TEST(StreamSync, IncompleteSnapshotIsDroppedAfter60sAndAskedAgain) {
  StreamSync sync(Stream::kStock, 100);
  run(sync, {
                live(0, 102, LV::kGap, {}, 100, kAwaiting),
                part(5, {"s-1", 1, 2, 102}, PV::kAccepted, {}, {}, {}, kReceiving),
                poll(64, {}, kReceiving),
                poll(65, 100, kAwaiting, std::string("s-1")),
                part(66, {"s-1", 2, 2, 102}, PV::kStale, {}, {}, {}, kAwaiting),  // too late
                part(70, {"s-2", 1, 1, 102}, PV::kAccepted, CompletedSnapshot{"s-2", 102}, 102, {},
                     kIdle),
            });
}

TEST(StreamSync, NewerSnapshotIdDropsTheIncompleteOne) {
  StreamSync sync(Stream::kStock, 100);
  run(sync,
      {
          part(0, {"s-1", 1, 2, 100}, PV::kAccepted, {}, {}, {}, kReceiving),
          part(1, {"s-2", 1, 2, 101}, PV::kAccepted, {}, {}, {}, kReceiving, std::string("s-1")),
          part(2, {"s-1", 2, 2, 100}, PV::kStale, {}, {}, {}, kReceiving),
          part(3, {"s-2", 2, 2, 101}, PV::kAccepted, CompletedSnapshot{"s-2", 101}, 101, {}, kIdle),
      });
}

TEST(StreamSync, RejectedPartChangesNothing) {
  StreamSync sync(Stream::kStock, 100);
  IdGenerator ids(3);
  const auto d = sync.on_part({"s", 3, 2, 100}, at_s(0), ids);
  EXPECT_EQ(d.part, PV::kRejected);
  EXPECT_FALSE(d.apply_items);
  EXPECT_EQ(d.reject_reason, "snapshot_invalid_part");
  EXPECT_EQ(sync.phase(), kIdle);
}

TEST(StreamSync, RequestNotSentGoesOutAgainWhenConnected) {
  StreamSync sync(Stream::kStock, std::nullopt);
  IdGenerator ids(5);
  const auto first = sync.poll(at_s(0), true, ids);
  ASSERT_TRUE(first.resync.has_value());
  sync.request_not_sent("some-other-id");
  EXPECT_EQ(sync.phase(), kAwaiting);
  sync.request_not_sent(first.resync->request);
  EXPECT_EQ(sync.phase(), kIdle);
  EXPECT_FALSE(sync.poll(at_s(1), false, ids).resync.has_value());
  const auto again = sync.poll(at_s(2), true, ids);
  ASSERT_TRUE(again.resync.has_value());
  EXPECT_NE(again.resync->request, first.resync->request);
  EXPECT_EQ(again.resync->have_seq, 0);
}

TEST(StreamSync, ReconnectRestartsTheRetryClock) {
  StreamSync sync(Stream::kStock, std::nullopt);
  IdGenerator ids(5);
  ASSERT_TRUE(sync.poll(at_s(0), true, ids).resync.has_value());
  sync.on_connected(at_s(20));
  EXPECT_EQ(sync.next_due(), at_s(50));
  EXPECT_FALSE(sync.poll(at_s(49), true, ids).resync.has_value());
  EXPECT_TRUE(sync.poll(at_s(50), true, ids).resync.has_value());
}

TEST(StreamSync, FailedApplyDropsTheSnapshotUnderWayAndAsksAgain) {
  StreamSync sync(Stream::kStock, 100);
  IdGenerator ids(5);
  static_cast<void>(sync.on_part({"s-1", 1, 2, 100}, at_s(0), ids));
  const auto d = sync.on_apply_failed(at_s(1), true, ids);
  EXPECT_EQ(d.dropped, "s-1");
  ASSERT_TRUE(d.resync.has_value());
  EXPECT_EQ(d.resync->have_seq, 100);
  EXPECT_EQ(sync.phase(), kAwaiting);
  EXPECT_EQ(sync.on_part({"s-1", 2, 2, 100}, at_s(2), ids).part, PV::kStale);
}

TEST(StreamSync, ForcedResyncAsksFromZeroUntilASnapshotCompletes) {
  StreamSync sync(Stream::kStock, 100);
  IdGenerator ids(5);
  const auto d = sync.force_resync(at_s(0), true, ids);
  ASSERT_TRUE(d.resync.has_value());
  EXPECT_EQ(d.resync->have_seq, 0);
  const auto retry = sync.poll(at_s(30), true, ids);
  ASSERT_TRUE(retry.resync.has_value());
  EXPECT_EQ(retry.resync->have_seq, 0);
  const auto done = sync.on_part({"s", 1, 1, 90}, at_s(31), ids);
  EXPECT_EQ(done.persist_last, 100);  // never lowered
  EXPECT_FALSE(sync.needs_resync());
}

// Property: any delivery order with duplicates and no loss ends at last = N
// with every seq applied once and, at a fixed time, at most one request.
TEST(StreamSync, ShuffledDeliveryConvergesWithAtMostOneRequest) {
  for (std::uint32_t seed = 1; seed <= 40; ++seed) {
    SCOPED_TRACE(seed);
    std::vector<std::int64_t> seqs;
    for (std::int64_t s = 1; s <= 300; ++s)
      seqs.push_back(s);
    std::mt19937 rng(seed);
    for (int i = 0; i < 100; ++i)
      seqs.push_back(1 + static_cast<std::int64_t>(rng() % 300));
    std::shuffle(seqs.begin(), seqs.end(), rng);

    StreamSync sync(Stream::kStock, 0);
    IdGenerator ids(seed);
    int requests = 0;
    int gaps = 0;
    int applied = 0;
    std::int64_t persisted = 0;
    for (const auto s : seqs) {
      const auto d = sync.on_live(s, at_s(0), ids);
      if (d.resync) ++requests;
      if (d.live == LV::kGap) ++gaps;
      if (d.apply_items) ++applied;
      if (d.persist_last) {
        EXPECT_GT(*d.persist_last, persisted) << "persisted last only grows";
        persisted = *d.persist_last;
      }
    }
    EXPECT_EQ(sync.last_seq(), 300);
    EXPECT_EQ(persisted, 300);
    EXPECT_EQ(applied, 300);
    EXPECT_EQ(requests, gaps > 0 ? 1 : 0);
    // Nothing is missing any more: the request is not retried.
    EXPECT_FALSE(sync.poll(at_s(30), true, ids).resync.has_value());
    EXPECT_EQ(sync.phase(), kIdle);
  }
}

// Property: with messages lost, the snapshot that answers the request brings
// last to the end, whatever the order of the parts and live messages.
TEST(StreamSync, LostMessagesConvergeThroughTheSnapshot) {
  for (std::uint32_t seed = 1; seed <= 40; ++seed) {
    SCOPED_TRACE(seed);
    std::mt19937 rng(seed);
    std::vector<std::int64_t> seqs;
    for (std::int64_t s = 1; s <= 200; ++s) {
      if (rng() % 10 != 0) seqs.push_back(s);  // ~10 % lost
    }
    seqs.push_back(200);
    std::shuffle(seqs.begin(), seqs.end(), rng);

    StreamSync sync(Stream::kStock, 0);
    IdGenerator ids(seed);
    std::vector<ResyncRequest> requests;
    long long t = 0;
    for (const auto s : seqs) {
      const auto d = sync.on_live(s, at_s(t), ids);
      if (d.resync) requests.push_back(*d.resync);
    }
    ASSERT_EQ(requests.size(), 1U);
    const int parts = 4;
    std::vector<int> order = {1, 2, 3, 4, 2};
    std::shuffle(order.begin(), order.end(), rng);
    std::optional<CompletedSnapshot> completed;
    std::optional<std::int64_t> persisted;
    for (const auto p : order) {
      const auto d = sync.on_part({"s", p, parts, 180}, at_s(++t), ids);
      if (d.completed) completed = d.completed;
      if (d.persist_last) persisted = d.persist_last;
    }
    ASSERT_TRUE(completed.has_value());
    // Lost seqs above 180 remain a hole only if one was lost; live 200 arrived.
    bool lost_above = false;
    for (std::int64_t s = 181; s < 200; ++s) {
      if (std::find(seqs.begin(), seqs.end(), s) == seqs.end()) lost_above = true;
    }
    if (lost_above) {
      EXPECT_LT(sync.last_seq(), 200);
      EXPECT_EQ(sync.phase(), kAwaiting);  // asked again at once
    } else {
      EXPECT_EQ(sync.last_seq(), 200);
      EXPECT_EQ(persisted, 200);
      EXPECT_EQ(sync.phase(), kIdle);
    }
  }
}

}  // namespace
}  // namespace stream_sync_test
}  // namespace witryna::sync::core
