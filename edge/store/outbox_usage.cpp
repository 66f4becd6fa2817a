#include "edge/store/outbox_usage.hpp"

#include "edge/store/db/sql.hpp"

namespace witryna::store {

namespace {

// The smallest `at` of one class, through that class's partial index
// (outbox_at_droppable / outbox_at_kept).
Result<std::optional<TimePoint>> oldest(Database& db, bool droppable) {
  auto q = query(db, droppable ? "SELECT min(at) FROM outbox WHERE droppable = 1"
                               : "SELECT min(at) FROM outbox WHERE droppable = 0");
  if (!q) return tl::unexpected(q.error());
  auto row = (*q)->step();
  if (!row) return tl::unexpected(row.error());
  if (!*row || (*q)->column_is_null(0)) return std::optional<TimePoint>();
  return std::optional<TimePoint>(from_unix_millis((*q)->column_int(0)));
}

}  // namespace

Result<OutboxUsage> outbox_usage(Database& db) {
  OutboxUsage u;
  {
    auto q = query(db,
                   "SELECT events, bytes, droppable_events, droppable_bytes FROM outbox_totals "
                   "WHERE id = 1");
    if (!q) return tl::unexpected(q.error());
    auto row = (*q)->step();
    if (!row) return tl::unexpected(row.error());
    if (*row) {
      u.events = (*q)->column_int(0);
      u.bytes = (*q)->column_int(1);
      u.droppable_events = (*q)->column_int(2);
      u.droppable_bytes = (*q)->column_int(3);
    }
  }
  auto droppable = oldest(db, true);
  if (!droppable) return tl::unexpected(droppable.error());
  auto kept = oldest(db, false);
  if (!kept) return tl::unexpected(kept.error());
  u.oldest_droppable = *droppable;
  u.oldest_kept = *kept;
  return u;
}

}  // namespace witryna::store
