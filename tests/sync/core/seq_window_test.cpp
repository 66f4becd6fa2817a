// Seq bookkeeping of one stream: duplicates, in order, gaps.
#include "sync/core/seq_window.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

namespace witryna::sync::core {
namespace seq_window_test {
namespace {

struct Step {
  std::int64_t seq;
  LiveVerdict verdict;
  std::int64_t last_after;
  bool gap_after;
};

void run(std::int64_t start, const std::vector<Step>& steps, std::size_t max_ahead = 10'000) {
  SeqWindow w(start, max_ahead);
  for (std::size_t i = 0; i < steps.size(); ++i) {
    SCOPED_TRACE(testing::Message() << "step " << i << " seq " << steps[i].seq);
    EXPECT_EQ(w.accept(steps[i].seq), steps[i].verdict);
    EXPECT_EQ(w.last(), steps[i].last_after);
    EXPECT_EQ(w.has_gap(), steps[i].gap_after);
  }
}

using V = LiveVerdict;

TEST(SeqWindow, InOrderAndDuplicates) {
  run(10, {{11, V::kInOrder, 11, false},
           {11, V::kDuplicate, 11, false},
           {5, V::kDuplicate, 11, false},
           {12, V::kInOrder, 12, false}});
}

TEST(SeqWindow, GapKeepsLastAndLateMessagesCloseIt) {
  run(10, {{13, V::kGap, 10, true},
           {13, V::kDuplicate, 10, true},  // applied above last already
           {12, V::kGap, 10, true},
           {11, V::kInOrder, 13, false},  // jumps over 12 and 13
           {14, V::kInOrder, 14, false}});
}

TEST(SeqWindow, FirstStartFromZero) {
  run(0, {{1, V::kInOrder, 1, false}, {1042, V::kGap, 1, true}});
}

TEST(SeqWindow, SnapshotRaisesLastAndJoinsRememberedSeqs) {
  SeqWindow w(10);
  EXPECT_EQ(w.accept(20), V::kGap);
  EXPECT_EQ(w.accept(22), V::kGap);
  w.raise_to(19);
  EXPECT_EQ(w.last(), 20);
  EXPECT_TRUE(w.has_gap());  // 21 still missing
  w.raise_to(15);            // lower: no change
  EXPECT_EQ(w.last(), 20);
  w.raise_to(25);
  EXPECT_EQ(w.last(), 25);
  EXPECT_FALSE(w.has_gap());
}

TEST(SeqWindow, MemoryIsBoundedAndNeverSkipsAHole) {
  SeqWindow w(0, 3);
  for (std::int64_t s = 2; s <= 10; ++s)
    EXPECT_EQ(w.accept(s), V::kGap);
  EXPECT_EQ(w.remembered(), 3U);
  EXPECT_EQ(w.accept(1), V::kInOrder);
  EXPECT_EQ(w.last(), 4);  // 2,3,4 remembered; 5.. forgotten: applied again when they come
  EXPECT_EQ(w.accept(5), V::kInOrder);
}

// Any order of delivery, with duplicates, ends with last = highest seq when
// nothing is lost.
TEST(SeqWindow, ShuffledDeliveryWithDuplicatesConverges) {
  for (std::uint32_t seed = 1; seed <= 50; ++seed) {
    std::vector<std::int64_t> seqs;
    for (std::int64_t s = 1; s <= 200; ++s)
      seqs.push_back(s);
    std::mt19937 rng(seed);
    for (int i = 0; i < 60; ++i)
      seqs.push_back(1 + static_cast<std::int64_t>(rng() % 200));
    std::shuffle(seqs.begin(), seqs.end(), rng);
    SeqWindow w(0);
    int applied = 0;
    for (const auto s : seqs) {
      if (w.accept(s) != V::kDuplicate) ++applied;
    }
    EXPECT_EQ(w.last(), 200) << "seed " << seed;
    EXPECT_FALSE(w.has_gap());
    EXPECT_EQ(applied, 200) << "each seq applied exactly once";
  }
}

}  // namespace
}  // namespace seq_window_test
}  // namespace witryna::sync::core
