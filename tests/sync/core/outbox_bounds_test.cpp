// The outbox bound: only droppable events are dropped; redemptions are
// refused when dropping is not enough.
#include "sync/core/outbox_bounds.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <vector>

#include "tests/sync/core/test_time.hpp"

namespace witryna::sync::core {
namespace outbox_bounds_test {
namespace {

using test::at_s;

TEST(OutboxBounds, Table) {
  const OutboxBounds bounds{1000, Millis(3600 * 1000)};
  const auto now = at_s(10'000);
  const auto cutoff = now - Millis(3600 * 1000);
  const auto fresh = now - Millis(60'000);
  const auto old = cutoff - Millis(1);
  struct Case {
    const char* name;
    OutboxStats stats;
    std::size_t drop_bytes;
    std::optional<TimePoint> drop_older_than;
    bool refuse;
    BoundHit hit;
  };
  const std::vector<Case> cases = {
      {"empty", {}, 0, std::nullopt, false, BoundHit::kNone},
      {"under the bound", {900, 10, 500, 5, fresh, fresh}, 0, std::nullopt, false, BoundHit::kNone},
      {"at the bound exactly",
       {1000, 10, 500, 5, fresh, fresh},
       0,
       std::nullopt,
       false,
       BoundHit::kNone},
      {"over: drop only the excess, from droppable",
       {1300, 10, 500, 5, fresh, fresh},
       300,
       std::nullopt,
       false,
       BoundHit::kBytes},
      {"over by more than what is droppable",
       {1300, 10, 100, 1, fresh, fresh},
       100,
       std::nullopt,
       true,
       BoundHit::kBytes},
      {"over with nothing droppable",
       {1300, 10, 0, 0, std::nullopt, fresh},
       0,
       std::nullopt,
       true,
       BoundHit::kBytes},
      {"undroppable alone fills the bound",
       {1000, 10, 0, 0, std::nullopt, fresh},
       0,
       std::nullopt,
       true,
       BoundHit::kNone},
      {"old droppable events go", {500, 10, 200, 5, old, fresh}, 0, cutoff, false, BoundHit::kAge},
      {"old undroppable event: refuse, drop nothing of it",
       {500, 10, 200, 5, fresh, old},
       0,
       std::nullopt,
       true,
       BoundHit::kAge},
      {"both over", {1500, 10, 800, 5, old, old}, 500, cutoff, true, BoundHit::kBytesAndAge},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const auto d = decide_outbox_bounds(c.stats, bounds, now);
    EXPECT_EQ(d.drop_bytes, c.drop_bytes);
    EXPECT_EQ(d.drop_older_than, c.drop_older_than);
    EXPECT_EQ(d.refuse_redemptions, c.refuse);
    EXPECT_EQ(d.refusal, c.refuse ? std::string_view("outbox_full") : std::string_view());
    EXPECT_EQ(d.hit, c.hit) << to_string(d.hit);
    EXPECT_EQ(d.drops(), c.drop_bytes > 0 || c.drop_older_than.has_value());
  }
}

}  // namespace
}  // namespace outbox_bounds_test
}  // namespace witryna::sync::core
