#include <gtest/gtest.h>

#include <chrono>
#include <vector>

#include "edge/core/redemption/guess_lockout.hpp"

namespace witryna::core {
namespace redemption_lockout_test {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
const TimePoint kT0 = from_unix_seconds(1795000000);

// Feeds `n` unknown_code outcomes at the given offsets; returns whether the last locked.
bool feed(GuessLockout& g, const std::vector<Millis>& offsets,
          Outcome outcome = Outcome::kUnknownCode) {
  bool locked = false;
  for (const auto off : offsets)
    locked = g.record(outcome, kT0 + off);
  return locked;
}

TEST(GuessLockout, WindowEdges) {
  struct Case {
    const char* name;
    std::vector<Millis> offsets;
    bool locks;
  };
  const std::vector<Case> cases = {
      {"four in a burst", {seconds(0), seconds(1), seconds(2), seconds(3)}, false},
      {"five in a burst", {seconds(0), seconds(1), seconds(2), seconds(3), seconds(4)}, true},
      {"five spanning exactly 60 s",
       {seconds(0), seconds(15), seconds(30), seconds(45), seconds(60)},
       true},
      {"five spanning 60 s + 1 ms",
       {seconds(0), seconds(15), seconds(30), seconds(45), seconds(60) + milliseconds(1)},
       false},
      {"oldest slid out, then a fifth inside",
       {seconds(0), seconds(15), seconds(30), seconds(45), seconds(61), seconds(62)},
       true},
  };
  for (const auto& c : cases) {
    GuessLockout g;
    EXPECT_EQ(feed(g, c.offsets), c.locks) << c.name;
    EXPECT_EQ(g.locked(kT0 + c.offsets.back()), c.locks) << c.name;
  }
}

TEST(GuessLockout, LockLastsSixtySeconds) {
  GuessLockout g;
  ASSERT_TRUE(feed(g, {seconds(0), seconds(0), seconds(0), seconds(0), seconds(10)}));
  const auto locked_at = kT0 + seconds(10);
  EXPECT_TRUE(g.locked(locked_at));
  EXPECT_EQ(g.locked_until(locked_at), locked_at + seconds(60));
  EXPECT_TRUE(g.locked(locked_at + seconds(60) - milliseconds(1)));
  EXPECT_FALSE(g.locked(locked_at + seconds(60)));
  EXPECT_EQ(g.locked_until(locked_at + seconds(60)), std::nullopt);
}

TEST(GuessLockout, OutcomesWhileLockedAreIgnoredAndTheWindowStartsFresh) {
  GuessLockout g;
  ASSERT_TRUE(feed(g, {seconds(0), seconds(1), seconds(2), seconds(3), seconds(4)}));
  // Guesses during the lock neither extend it nor count afterwards.
  EXPECT_FALSE(feed(g, {seconds(10), seconds(20), seconds(30), seconds(40), seconds(50)}));
  EXPECT_FALSE(g.locked(kT0 + seconds(64)));
  EXPECT_FALSE(feed(g, {seconds(64), seconds(65), seconds(66), seconds(67)}));
  EXPECT_FALSE(g.locked(kT0 + seconds(67)));
  EXPECT_TRUE(g.record(Outcome::kInvalidCheck, kT0 + seconds(68)));
}

TEST(GuessLockout, OnlyGuessFailuresCount) {
  for (const auto o : {Outcome::kOk, Outcome::kExpired, Outcome::kAlreadyUsed,
                       Outcome::kNeedsOnline, Outcome::kMalformed, Outcome::kLocked}) {
    GuessLockout g;
    EXPECT_FALSE(feed(g, std::vector<Millis>(10, seconds(1)), o)) << to_string(o);
  }
  GuessLockout mixed;
  feed(mixed, {seconds(0), seconds(1)}, Outcome::kInvalidCheck);
  feed(mixed, {seconds(2)}, Outcome::kOk);  // a good code forgives nothing
  EXPECT_TRUE(feed(mixed, {seconds(3), seconds(4), seconds(5)}, Outcome::kUnknownCode));
}

TEST(GuessLockout, GuessFailuresAreUnknownCodeAndInvalidCheck) {
  for (const auto o : kAllOutcomes) {
    EXPECT_EQ(is_guess_failure(o), o == Outcome::kUnknownCode || o == Outcome::kInvalidCheck)
        << to_string(o);
  }
}

TEST(TillLockouts, TillsAreIndependent) {
  TillLockouts tills;
  for (int i = 0; i < 5; ++i)
    tills.record("T1", Outcome::kUnknownCode, kT0 + seconds(i));
  for (int i = 0; i < 4; ++i)
    tills.record("T2", Outcome::kUnknownCode, kT0 + seconds(i));
  EXPECT_TRUE(tills.locked("T1", kT0 + seconds(5)));
  EXPECT_FALSE(tills.locked("T2", kT0 + seconds(5)));
  EXPECT_FALSE(tills.locked("T3", kT0 + seconds(5)));
  EXPECT_EQ(tills.locked_until("T1", kT0 + seconds(5)), kT0 + seconds(64));
  EXPECT_FALSE(tills.locked("T1", kT0 + seconds(64)));
}

}  // namespace
}  // namespace redemption_lockout_test
}  // namespace witryna::core
