#include "sync/core/outbox_bounds.hpp"

#include <algorithm>

#include "edge/core/result.hpp"

namespace witryna::sync::core {

const char* to_string(BoundHit h) {
  switch (h) {
    case BoundHit::kNone:
      return "none";
    case BoundHit::kBytes:
      return "bytes";
    case BoundHit::kAge:
      return "age";
    case BoundHit::kBytesAndAge:
      return "bytes_and_age";
  }
  return "?";
}

BoundsDecision decide_outbox_bounds(const OutboxStats& stats, const OutboxBounds& bounds,
                                    TimePoint now) {
  BoundsDecision d;
  const TimePoint cutoff = now - bounds.max_age;
  const std::size_t droppable = std::min(stats.droppable_bytes, stats.bytes);
  const std::size_t kept_bytes = stats.bytes - droppable;

  const bool over_bytes = stats.bytes > bounds.max_bytes;
  const bool old_droppable = stats.oldest_droppable && *stats.oldest_droppable < cutoff;
  const bool old_kept = stats.oldest_kept && *stats.oldest_kept < cutoff;
  const bool over_age = old_droppable || old_kept;
  d.hit = over_bytes && over_age ? BoundHit::kBytesAndAge
          : over_bytes           ? BoundHit::kBytes
          : over_age             ? BoundHit::kAge
                                 : BoundHit::kNone;

  if (over_bytes && droppable > 0)
    d.drop_bytes = std::min(stats.bytes - bounds.max_bytes, droppable);
  if (old_droppable) d.drop_older_than = cutoff;

  // A new redemption adds bytes to what cannot be dropped: refuse once that
  // alone fills the bound, or once an undroppable event is too old.
  if (kept_bytes >= bounds.max_bytes || old_kept) {
    d.refuse_redemptions = true;
    d.refusal = errc::kOutboxFull;
  }
  return d;
}

}  // namespace witryna::sync::core
