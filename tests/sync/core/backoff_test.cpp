// Reconnect backoff: capped exponential, jitter from the caller, reset.
#include "sync/core/backoff.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <random>
#include <vector>

namespace witryna::sync::core {
namespace backoff_test {
namespace {

TEST(Backoff, FullJitterCeilingDoublesUpToTheCap) {
  Backoff b;
  const std::vector<long long> ceilings = {500, 1000, 2000, 4000, 8000, 16000, 30000, 30000};
  for (const auto c : ceilings) {
    EXPECT_EQ(b.ceiling(), Millis(c));
    // The extreme random values reach both ends of [0, ceiling].
    Backoff probe = b;
    EXPECT_EQ(probe.next_delay(0), Millis(0));
    probe = b;
    EXPECT_EQ(probe.next_delay(static_cast<std::uint64_t>(c)), Millis(c));
    static_cast<void>(b.next_delay(12345));
  }
  EXPECT_EQ(b.attempts(), 8);
}

TEST(Backoff, DelaysStayWithinBoundsForAnyRandomValue) {
  for (const auto jitter : {Jitter::kFull, Jitter::kDecorrelated}) {
    Backoff b({Millis(500), Millis(30'000), jitter});
    std::mt19937_64 rng(7);
    for (int i = 0; i < 10'000; ++i) {
      const auto d = b.next_delay(i % 97 == 0 ? std::numeric_limits<std::uint64_t>::max() : rng());
      EXPECT_LE(d, Millis(30'000));
      EXPECT_GE(d, jitter == Jitter::kFull ? Millis(0) : Millis(500));
    }
  }
}

TEST(Backoff, DecorrelatedGrowsFromThePreviousDelay) {
  Backoff b({Millis(500), Millis(30'000), Jitter::kDecorrelated});
  EXPECT_EQ(b.ceiling(), Millis(1500));
  EXPECT_EQ(b.next_delay(1000), Millis(1500));  // 500 + 1000 % 1001
  EXPECT_EQ(b.ceiling(), Millis(4500));
  EXPECT_EQ(b.next_delay(4000), Millis(4500));
  EXPECT_EQ(b.ceiling(), Millis(13500));
  EXPECT_EQ(b.next_delay(13000), Millis(13500));
  EXPECT_EQ(b.ceiling(), Millis(30'000));
}

TEST(Backoff, ResetStartsFromTheBaseAgain) {
  for (const auto jitter : {Jitter::kFull, Jitter::kDecorrelated}) {
    Backoff b({Millis(500), Millis(30'000), jitter});
    // Always the top of the range: the fastest way to the cap.
    const Millis low = jitter == Jitter::kFull ? Millis(0) : Millis(500);
    for (int i = 0; i < 20; ++i) {
      static_cast<void>(b.next_delay(static_cast<std::uint64_t>((b.ceiling() - low).count())));
    }
    EXPECT_EQ(b.ceiling(), Millis(30'000));
    b.reset();
    EXPECT_EQ(b.attempts(), 0);
    EXPECT_EQ(b.ceiling(), jitter == Jitter::kFull ? Millis(500) : Millis(1500));
  }
}

TEST(Backoff, ManyAttemptsDoNotOverflow) {
  Backoff b;
  for (int i = 0; i < 100'000; ++i)
    static_cast<void>(b.next_delay(static_cast<std::uint64_t>(i)));
  EXPECT_EQ(b.ceiling(), Millis(30'000));
}

}  // namespace
}  // namespace backoff_test
}  // namespace witryna::sync::core
