#pragma once
// What the outbox bound (sync/core/outbox_bounds.hpp) looks at: pending
// events split into droppable (offers.shown, scan) and kept ones.

#include <cstdint>
#include <optional>

#include "edge/core/result.hpp"
#include "edge/core/time.hpp"
#include "edge/store/db/database.hpp"
#include "sync/core/outbox_bounds.hpp"

namespace witryna::store {

struct OutboxUsage {
  std::int64_t bytes = 0;
  std::int64_t events = 0;
  std::int64_t droppable_bytes = 0;
  std::int64_t droppable_events = 0;
  std::optional<TimePoint> oldest_droppable;
  std::optional<TimePoint> oldest_kept;
};

// O(log n) whatever the outbox holds: totals kept by triggers (schema v3),
// the oldest of each class through its partial index.
[[nodiscard]] Result<OutboxUsage> outbox_usage(Database& db);

// What the outbox bound (sync::core::decide_outbox_bounds) looks at.
[[nodiscard]] inline sync::core::OutboxStats bounds_stats(const OutboxUsage& usage) {
  sync::core::OutboxStats stats;
  stats.events = static_cast<std::size_t>(usage.events);
  stats.bytes = static_cast<std::size_t>(usage.bytes);
  stats.droppable_bytes = static_cast<std::size_t>(usage.droppable_bytes);
  stats.droppable_events = static_cast<std::size_t>(usage.droppable_events);
  stats.oldest_droppable = usage.oldest_droppable;
  stats.oldest_kept = usage.oldest_kept;
  return stats;
}

}  // namespace witryna::store
