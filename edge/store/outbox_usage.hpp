#pragma once
// What the outbox bound (sync/core/outbox_bounds.hpp) looks at: pending
// events split into droppable (offers.shown, scan) and kept ones.

#include <cstdint>
#include <optional>

#include "edge/core/result.hpp"
#include "edge/core/time.hpp"
#include "edge/store/db/database.hpp"

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

}  // namespace witryna::store
