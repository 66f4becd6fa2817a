#pragma once
// The outbox (mqtt.md "Events"): events are numbered and stored in the same
// transaction as the change they report, and kept until central acknowledges.
//
// `n` comes from a counter (outbox_totals.next_n; never MAX(n)): it starts at 1,
// only grows, and is never reused — not after acks delete rows, not after a
// restart. Caveat: with Durability::kNormal a power cut can lose the last
// commits; if their events were already published, their `n` would be
// handed out again. Commit event-bearing transactions that matter with
// Durability::kFull (see transaction.hpp).

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "edge/core/domain/event.hpp"
#include "edge/core/result.hpp"
#include "edge/core/time.hpp"
#include "edge/store/db/database.hpp"
#include "edge/store/db/transaction.hpp"

namespace witryna::store {

// Numbers `event` and stores it inside `tx`, serialized once as
// {"n":…,"type":…,"at":…,<fields>}. `fields` must be an object (or null) and
// must not hold n/type/at (kInvalidValue). Rolled back with `tx`.
[[nodiscard]] Result<domain::StoredEvent> append_event(Transaction& tx, const domain::Event& event);

// append_event for each of `events` in order, numbered consecutively with one
// update of the counter (a scan stores two or three events). Every event is
// checked before any is numbered; on an error nothing of this call is kept
// once `tx` rolls back, as with append_event.
[[nodiscard]] Result<void> append_events(Transaction& tx, std::span<const domain::Event> events);

// Events with n > after_n, in order of n, at most `limit`.
[[nodiscard]] Result<std::vector<domain::StoredEvent>> pending_events(Database& db,
                                                                      std::int64_t after_n,
                                                                      std::size_t limit);

// Deletes every event with n ≤ upto (central's cumulative ack); how many went.
[[nodiscard]] Result<std::int64_t> ack_upto(Database& db, std::int64_t upto);

struct OutboxStats {
  std::int64_t count = 0;
  std::int64_t bytes = 0;              // sum of the events' JSON sizes
  std::optional<TimePoint> oldest_at;  // `at` of the oldest event held
  std::int64_t dropped_total = 0;      // events ever dropped for space
  std::int64_t last_n = 0;             // the last n handed out (0: none yet)
};
[[nodiscard]] Result<OutboxStats> outbox_stats(Database& db);

struct DropResult {
  std::int64_t dropped = 0;  // events dropped now
  std::int64_t bytes_freed = 0;
  std::int64_t dropped_total = 0;  // persisted, for the device state
};
// Drops offers.shown and scan events only, oldest first, until at least
// `bytes_to_free` bytes are freed or none is left. Never any other type.
[[nodiscard]] Result<DropResult> drop_oldest_droppable(Transaction& tx, std::int64_t bytes_to_free);

}  // namespace witryna::store
