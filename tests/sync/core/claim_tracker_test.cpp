// Code claims: in-time results, the 1.5 s timeout, offline, late results.
#include "sync/core/claim_tracker.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "tests/sync/core/test_time.hpp"

namespace witryna::sync::core {
namespace claim_tracker_test {
namespace {

using test::at_ms;
using Kind = ClaimAnswer::Kind;

TEST(ClaimTracker, ResultInTimeIsTheOutcome) {
  ClaimTracker t;
  EXPECT_EQ(t.start("c-1", "ticket-1", at_ms(0), true), ClaimStart::kPublish);
  EXPECT_EQ(t.next_deadline(), at_ms(1500));
  EXPECT_TRUE(t.poll(at_ms(1499)).empty());
  EXPECT_EQ(t.on_result("c-1", ClaimResult::kGranted, at_ms(1200)),
            (ClaimAnswer{Kind::kOutcome, "ticket-1", ClaimResult::kGranted, Millis(1200)}));
  EXPECT_EQ(t.outstanding(), 0U);
  EXPECT_TRUE(t.poll(at_ms(5000)).empty());
  // The same result again is not applied twice.
  EXPECT_EQ(t.on_result("c-1", ClaimResult::kGranted, at_ms(1300)).kind, Kind::kNotOurs);
}

TEST(ClaimTracker, NoAnswerWithinTheDeadlineTimesOutAndTheLateResultIsReportedOnce) {
  ClaimTracker t;
  ASSERT_EQ(t.start("c-1", "ticket-1", at_ms(0), true), ClaimStart::kPublish);
  ASSERT_EQ(t.start("c-2", "ticket-2", at_ms(1000), true), ClaimStart::kPublish);
  EXPECT_EQ(t.poll(at_ms(1500)), (std::vector<ClaimTimeout>{{"c-1", "ticket-1"}}));
  EXPECT_EQ(t.next_deadline(), at_ms(2500));
  EXPECT_EQ(t.on_result("c-1", ClaimResult::kAlreadyUsed, at_ms(3000)),
            (ClaimAnswer{Kind::kLate, "ticket-1", ClaimResult::kAlreadyUsed, Millis(3000)}));
  EXPECT_EQ(t.on_result("c-1", ClaimResult::kAlreadyUsed, at_ms(3100)).kind, Kind::kNotOurs);
  EXPECT_EQ(t.on_result("c-2", ClaimResult::kExpired, at_ms(2000)).kind, Kind::kOutcome);
}

TEST(ClaimTracker, OfflineAppliesThePolicyAtOnce) {
  ClaimTracker t;
  EXPECT_EQ(t.start("c-1", "ticket-1", at_ms(0), false), ClaimStart::kApplyOfflinePolicy);
  EXPECT_EQ(t.outstanding(), 0U);
  ASSERT_EQ(t.start("c-2", "ticket-2", at_ms(0), true), ClaimStart::kPublish);
  ASSERT_EQ(t.start("c-3", "ticket-3", at_ms(0), true), ClaimStart::kPublish);
  EXPECT_EQ(t.on_connection_lost(at_ms(100)),
            (std::vector<ClaimTimeout>{{"c-2", "ticket-2"}, {"c-3", "ticket-3"}}));
  EXPECT_EQ(t.next_deadline(), std::nullopt);
  EXPECT_EQ(t.on_result("c-3", ClaimResult::kGranted, at_ms(200)).kind, Kind::kLate);
}

TEST(ClaimTracker, PublishFailureTimesOutThatClaim) {
  ClaimTracker t;
  ASSERT_EQ(t.start("c-1", "ticket-1", at_ms(0), true), ClaimStart::kPublish);
  EXPECT_EQ(t.publish_failed("c-1", at_ms(1)), (ClaimTimeout{"c-1", "ticket-1"}));
  EXPECT_EQ(t.publish_failed("c-1", at_ms(2)), std::nullopt);
}

TEST(ClaimTracker, ForeignAndDuplicateClaims) {
  ClaimTracker t;
  EXPECT_EQ(t.on_result("other-device-claim", ClaimResult::kGranted, at_ms(0)).kind,
            Kind::kNotOurs);
  ASSERT_EQ(t.start("c-1", "ticket-1", at_ms(0), true), ClaimStart::kPublish);
  EXPECT_EQ(t.start("c-1", "ticket-x", at_ms(1), true), ClaimStart::kDuplicateClaim);
  static_cast<void>(t.poll(at_ms(2000)));
  EXPECT_EQ(t.start("c-1", "ticket-x", at_ms(2001), true), ClaimStart::kDuplicateClaim);
}

TEST(ClaimTracker, LateMemoryIsBounded) {
  ClaimTracker t(ClaimOptions{Millis(1500), 2, Millis(60'000)});
  for (const char* c : {"a", "b", "c"})
    ASSERT_EQ(t.start(c, c, at_ms(0), true), ClaimStart::kPublish);
  EXPECT_EQ(t.poll(at_ms(1500)).size(), 3U);
  EXPECT_EQ(t.on_result("a", ClaimResult::kGranted, at_ms(1600)).kind, Kind::kNotOurs);
  EXPECT_EQ(t.on_result("b", ClaimResult::kGranted, at_ms(1600)).kind, Kind::kLate);
  EXPECT_EQ(t.on_result("c", ClaimResult::kGranted, at_ms(61'499)).kind, Kind::kLate);
  ASSERT_EQ(t.start("d", "d", at_ms(70'000), true), ClaimStart::kPublish);
  EXPECT_EQ(t.on_connection_lost(at_ms(70'000)).size(), 1U);
  EXPECT_EQ(t.on_result("d", ClaimResult::kGranted, at_ms(129'999)).kind, Kind::kLate);
  ASSERT_EQ(t.start("e", "e", at_ms(130'000), true), ClaimStart::kPublish);
  EXPECT_EQ(t.on_connection_lost(at_ms(130'000)).size(), 1U);
  // Remembered for 60 s only.
  EXPECT_EQ(t.on_result("e", ClaimResult::kGranted, at_ms(190'000)).kind, Kind::kNotOurs);
}

TEST(ClaimTracker, ResultNames) {
  for (const auto r : {ClaimResult::kGranted, ClaimResult::kAlreadyUsed, ClaimResult::kUnknown,
                       ClaimResult::kExpired}) {
    EXPECT_EQ(claim_result_from(to_string(r)), r);
  }
  EXPECT_EQ(claim_result_from("GRANTED"), std::nullopt);
  EXPECT_EQ(claim_result_from(""), std::nullopt);
}

}  // namespace
}  // namespace claim_tracker_test
}  // namespace witryna::sync::core
