#pragma once
// The outbox bound (mqtt.md "Events"): past it only `offers.shown` and `scan`
// events may be dropped, oldest first; when that is not enough the device
// refuses new redemptions until the outbox drains.

#include <cstddef>
#include <optional>
#include <string_view>

#include "edge/core/time.hpp"

namespace witryna::sync::core {

struct OutboxBounds {
  std::size_t max_bytes = 64 * 1024 * 1024;
  Millis max_age{7LL * 24 * 3600 * 1000};  // of the oldest event still pending
};

// What the store reports about its pending (unacknowledged) events.
// "Droppable" = domain::is_droppable(type): offers.shown and scan.
struct OutboxStats {
  std::size_t bytes = 0;  // all pending events
  std::size_t events = 0;
  std::size_t droppable_bytes = 0;
  std::size_t droppable_events = 0;
  std::optional<TimePoint> oldest_droppable;  // `at` of the oldest droppable event
  std::optional<TimePoint> oldest_kept;       // `at` of the oldest event that is not droppable
};

enum class BoundHit { kNone, kBytes, kAge, kBytesAndAge };
[[nodiscard]] const char* to_string(BoundHit h);

struct BoundsDecision {
  // The store walks the droppable events oldest first (by n) and drops each
  // while it has freed fewer than `drop_bytes` bytes or the event is older
  // than `drop_older_than`; it counts what it dropped (device state
  // `dropped_events`). Nothing else may be dropped.
  std::size_t drop_bytes = 0;
  std::optional<TimePoint> drop_older_than;
  // Even with every droppable event gone the bound is reached: new
  // redemptions are refused with `refusal` (errc::kOutboxFull) until a later
  // decision says otherwise.
  bool refuse_redemptions = false;
  std::string_view refusal;
  BoundHit hit = BoundHit::kNone;  // what is over the bound before dropping (for logs)

  [[nodiscard]] bool drops() const { return drop_bytes > 0 || drop_older_than.has_value(); }
};

// Pure: call after each event is written and after each ack.
[[nodiscard]] BoundsDecision decide_outbox_bounds(const OutboxStats& stats,
                                                  const OutboxBounds& bounds, TimePoint now);

}  // namespace witryna::sync::core
