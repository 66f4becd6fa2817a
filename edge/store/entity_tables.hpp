#pragma once
// Internal to edge/store: the SQL shared by every entity table (snapshot
// marks, in-place tombstones, key-ordered paging for snapshot completion).

#include <span>
#include <string>
#include <string_view>

#include "edge/core/codec/stream.hpp"

namespace witryna::store {

enum class EntityKind { kProduct, kOffer, kStock, kNearby, kProfile, kReservation, kCode };

struct EntityTable {
  EntityKind kind;
  std::string_view name;
  int key_count;  // 1, or 2 for nearby (sku, store)
  // ?1 = gen, ?2.. = key
  std::string mark_seen_sql;
  // ?1.. = key. Drops the body and every non-key column, keeps ver.
  std::string tombstone_sql;
  // Rows in key order: columns key…, deleted, snap_gen, written_seq.
  // first: ?1 = limit; next: ?1 = limit, ?2.. = the last key seen.
  std::string first_page_sql;
  std::string next_page_sql;
  // ?1.. = key → ver, deleted
  std::string version_sql;
};

[[nodiscard]] const EntityTable& entity_table(EntityKind kind);
// The tables a stream writes, in the order snapshot completion visits them.
[[nodiscard]] std::span<const EntityKind> entity_kinds_of(core::Stream stream);

}  // namespace witryna::store
