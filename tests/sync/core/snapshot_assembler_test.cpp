// Snapshot parts: complete, duplicate, invalid, newer id, stale, timeout.
#include "sync/core/snapshot_assembler.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "sync/core/reasons.hpp"
#include "tests/sync/core/test_time.hpp"

namespace witryna::sync::core {
namespace snapshot_assembler_test {
namespace {

using test::at_s;

struct Step {
  SnapshotPart part;
  long long t;  // seconds
  PartVerdict verdict;
  std::optional<std::string> dropped;
  std::optional<CompletedSnapshot> completed;
  std::string_view reject_reason = {};
};

void run(const std::vector<Step>& steps, SnapshotAssembler& a) {
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const auto& s = steps[i];
    SCOPED_TRACE(testing::Message()
                 << "step " << i << " " << s.part.id << " " << s.part.part << "/" << s.part.parts);
    const auto out = a.on_part(s.part, at_s(s.t));
    EXPECT_EQ(out.verdict, s.verdict) << to_string(out.verdict);
    EXPECT_EQ(out.dropped, s.dropped);
    EXPECT_EQ(out.completed, s.completed);
    EXPECT_EQ(out.reject_reason, s.reject_reason);
  }
}

using V = PartVerdict;

TEST(SnapshotAssembler, CompletesWhenEveryPartArrivedInAnyOrderWithDuplicates) {
  SnapshotAssembler a;
  run({{{"s-77", 2, 3, 1042}, 0, V::kAccepted, {}, {}},
       {{"s-77", 2, 3, 1042}, 1, V::kDuplicate, {}, {}},
       {{"s-77", 3, 3, 1042}, 2, V::kAccepted, {}, {}},
       {{"s-77", 1, 3, 1042}, 3, V::kAccepted, {}, CompletedSnapshot{"s-77", 1042}},
       // a late copy of a completed snapshot does not start it again
       {{"s-77", 1, 3, 1042}, 4, V::kStale, {}, {}}},
      a);
  EXPECT_FALSE(a.assembling());
}

TEST(SnapshotAssembler, SinglePartSnapshotCompletesAtOnce) {
  SnapshotAssembler a;
  run({{{"s-1", 1, 1, 0}, 0, V::kAccepted, {}, CompletedSnapshot{"s-1", 0}}}, a);
}

TEST(SnapshotAssembler, InvalidPartsAreRejected) {
  SnapshotAssembler a(SnapshotOptions{Millis(60'000), 100, Millis(60'000), 16});
  run({{{"s", 0, 3, 1}, 0, V::kRejected, {}, {}, reason::kSnapshotInvalidPart},
       {{"s", 4, 3, 1}, 0, V::kRejected, {}, {}, reason::kSnapshotInvalidPart},
       {{"s", 1, 0, 1}, 0, V::kRejected, {}, {}, reason::kSnapshotInvalidPart},
       {{"s", -1, 3, 1}, 0, V::kRejected, {}, {}, reason::kSnapshotInvalidPart},
       {{"s", 1, 3, -1}, 0, V::kRejected, {}, {}, reason::kSnapshotInvalidPart},
       {{"", 1, 3, 1}, 0, V::kRejected, {}, {}, reason::kSnapshotInvalidPart},
       {{"s", 1, 101, 1}, 0, V::kRejected, {}, {}, reason::kSnapshotTooManyParts},
       {{"s", 1, 3, 5}, 0, V::kAccepted, {}, {}},
       {{"s", 2, 4, 5}, 0, V::kRejected, {}, {}, reason::kSnapshotInconsistent},
       {{"s", 2, 3, 6}, 0, V::kRejected, {}, {}, reason::kSnapshotInconsistent}},
      a);
  EXPECT_EQ(a.current_id(), "s");
}

TEST(SnapshotAssembler, NewerIdDropsTheIncompleteOneAndItsLatePartsAreStale) {
  SnapshotAssembler a;
  run({{{"s-1", 1, 2, 100}, 0, V::kAccepted, {}, {}},
       {{"s-2", 1, 2, 100}, 1, V::kAccepted, std::string("s-1"), {}},  // same upto: newer by
                                                                       // arrival
       {{"s-1", 2, 2, 100}, 2, V::kStale, {}, {}},
       {{"s-2", 2, 2, 100}, 3, V::kAccepted, {}, CompletedSnapshot{"s-2", 100}}},
      a);
}

TEST(SnapshotAssembler, OlderSnapshotInterleavedIsStale) {
  SnapshotAssembler a;
  run({{{"new", 1, 2, 200}, 0, V::kAccepted, {}, {}},
       {{"old", 1, 2, 150}, 1, V::kStale, {}, {}},
       {{"new", 2, 2, 200}, 2, V::kAccepted, {}, CompletedSnapshot{"new", 200}},
       {{"old", 2, 2, 150}, 3, V::kStale, {}, {}}},
      a);
}

TEST(SnapshotAssembler, MissingPartTimesOutSixtySecondsAfterTheLastNewPart) {
  SnapshotAssembler a;
  run({{{"s", 1, 3, 9}, 0, V::kAccepted, {}, {}},
       {{"s", 2, 3, 9}, 30, V::kAccepted, {}, {}},
       {{"s", 2, 3, 9}, 80, V::kDuplicate, {}, {}}},  // duplicates do not extend
      a);
  EXPECT_EQ(a.deadline(), at_s(90));
  EXPECT_EQ(a.expire(at_s(89)), std::nullopt);
  EXPECT_EQ(a.expire(at_s(90)), "s");
  EXPECT_FALSE(a.assembling());
  EXPECT_EQ(a.on_part({"s", 3, 3, 9}, at_s(91)).verdict, V::kStale);
  // After `retired_for`, the same id may be sent again (a re-sent cached snapshot).
  run({{{"s", 1, 1, 9}, 200, V::kAccepted, {}, CompletedSnapshot{"s", 9}}}, a);
}

TEST(SnapshotAssembler, ReconnectRestartsThePartClock) {
  SnapshotAssembler a;
  static_cast<void>(a.on_part({"s", 1, 2, 9}, at_s(0)));
  a.restart_clock(at_s(50));
  EXPECT_EQ(a.expire(at_s(100)), std::nullopt);
  EXPECT_EQ(a.expire(at_s(110)), "s");
}

TEST(SnapshotAssembler, AbandonDropsAtOnce) {
  SnapshotAssembler a;
  EXPECT_EQ(a.abandon(at_s(0)), std::nullopt);
  static_cast<void>(a.on_part({"s", 1, 2, 9}, at_s(0)));
  EXPECT_EQ(a.abandon(at_s(1)), "s");
  EXPECT_EQ(a.on_part({"s", 2, 2, 9}, at_s(2)).verdict, V::kStale);
}

}  // namespace
}  // namespace snapshot_assembler_test
}  // namespace witryna::sync::core
