#pragma once
// Snapshot completion (mqtt.md "Snapshots").
//
// Each stream tracks at most one snapshot at a time: applying a part of
// snapshot `id` (apply_message with ApplyContext::snapshot) makes `id` the
// stream's current snapshot under a fresh generation number, and every key a
// part lists is marked with that generation. A part of another id starts
// over with a new generation (the older snapshot is dropped); the sync layer
// must not feed parts of a snapshot it has already abandoned.
//
// When all parts have arrived the caller runs finish_snapshot_step until it
// returns more == false. Each step is one short write transaction over at
// most `max_rows` rows in key order; it tombstones every live entity of the
// stream that the snapshot did not list and that no live message with
// seq > upto_seq wrote (profiles so removed are erased as by a tombstone).
// The last step raises the stream's last seq to upto_seq. Between steps the
// caller yields (scans and live messages go on); a crash between steps is
// fine: the progress is stored and the next call resumes.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "edge/core/codec/stream.hpp"
#include "edge/core/result.hpp"
#include "edge/store/db/database.hpp"
#include "edge/store/db/transaction.hpp"
#include "edge/store/entity_tables.hpp"

namespace witryna::store {

// The generation of snapshot `snapshot_id` of `stream`, starting to track it
// (new generation, progress reset) if it is not the current one.
[[nodiscard]] Result<std::int64_t> snapshot_generation(Transaction& tx, core::Stream stream,
                                                       std::string_view snapshot_id);

// Marks one entity as listed by the snapshot of generation `gen` (`key2` is
// the store for nearby rows, empty otherwise). apply_* does this itself.
[[nodiscard]] Result<void> mark_seen(Transaction& tx, EntityKind kind, std::int64_t gen,
                                     std::string_view key1, std::string_view key2 = {});

// The id of the snapshot the stream currently tracks, if any.
[[nodiscard]] Result<std::optional<std::string>> current_snapshot(Database& db,
                                                                  core::Stream stream);
// Stops tracking (an incomplete snapshot is dropped: nothing is deleted).
[[nodiscard]] Result<void> abandon_snapshot(Database& db, core::Stream stream);

struct SnapshotProgress {
  bool more = false;            // call again (after yielding)
  std::int64_t examined = 0;    // rows looked at in this step
  std::int64_t tombstoned = 0;  // rows tombstoned in this step
};

// One bounded step of completing `snapshot_id` (max_rows ≥ 1). Fails with
// kInvalidValue when `snapshot_id` is not the stream's current snapshot.
// Once finished, further calls return more == false and change nothing.
[[nodiscard]] Result<SnapshotProgress> finish_snapshot_step(Database& db, core::Stream stream,
                                                            std::string_view snapshot_id,
                                                            std::int64_t upto_seq,
                                                            std::size_t max_rows);

}  // namespace witryna::store
