#pragma once
// Applying stream items (mqtt.md "Streams", "Items", "Snapshots").
//
// Version guard: an item is applied only if its `ver` is greater than the
// stored one for its key, tombstones included; equal or older is ignored. A
// tombstone (`deleted: true`) keeps key + ver and drops the body, so an older
// upsert arriving later cannot resurrect the entity. A NEWER upsert after a
// tombstone is applied: central re-created the entity (ver is the truth).
// A `profiles` tombstone is a right-to-erasure request (see erasure.hpp).
//
// Every written row records the seq of the live message that wrote it
// (written_seq); a snapshot part marks every key it lists as seen in that
// snapshot, whether the item was applied or ignored as older. Snapshot
// completion uses both (snapshot.hpp).
//
// Threads: call from the thread that owns the connection. Keep batches
// around 1,000 items so the write lock is held briefly (scans go on, on other
// connections, during a long snapshot).

#include <cstddef>
#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>

#include "edge/core/codec/item.hpp"
#include "edge/core/codec/received_items.hpp"
#include "edge/core/codec/stream.hpp"
#include "edge/core/domain/code.hpp"
#include "edge/core/domain/profile.hpp"
#include "edge/core/domain/reservation.hpp"
#include "edge/core/domain/stock.hpp"
#include "edge/core/result.hpp"
#include "edge/core/time.hpp"
#include "edge/store/db/database.hpp"
#include "edge/store/db/transaction.hpp"

namespace witryna::store {

// Where the items come from.
struct ApplyContext {
  std::optional<std::int64_t> seq;         // a live message's seq
  std::optional<std::string> snapshot_id;  // a snapshot part's snapshot id
  TimePoint received_at{};                 // becomes NearbyStock::as_of

  [[nodiscard]] static ApplyContext live(std::int64_t seq, TimePoint now) {
    return ApplyContext{seq, std::nullopt, now};
  }
  [[nodiscard]] static ApplyContext snapshot(std::string id, TimePoint now) {
    return ApplyContext{std::nullopt, std::move(id), now};
  }
};

struct ApplyCounts {
  std::int64_t applied = 0;     // upserts written
  std::int64_t ignored = 0;     // items (upserts or tombstones) not newer than the stored ver
  std::int64_t tombstoned = 0;  // tombstones written
  std::int64_t rejected = 0;    // items the codec refused (apply_items only)
  std::optional<Error> first_rejection;  // field path only, never a value

  ApplyCounts& operator+=(const ApplyCounts& other);
};

// Inside the caller's transaction. A failure leaves the transaction to be
// rolled back by the caller (the Transaction destructor does it).
[[nodiscard]] Result<ApplyCounts> apply_catalog(Transaction& tx, const ApplyContext& ctx,
                                                std::span<const core::CatalogItem> items);
[[nodiscard]] Result<ApplyCounts> apply_stock(Transaction& tx, const ApplyContext& ctx,
                                              std::span<const core::Item<domain::Stock>> items);
[[nodiscard]] Result<ApplyCounts> apply_profiles(
    Transaction& tx, const ApplyContext& ctx, std::span<const core::Item<domain::Profile>> items);
[[nodiscard]] Result<ApplyCounts> apply_reservations(
    Transaction& tx, const ApplyContext& ctx,
    std::span<const core::Item<domain::Reservation>> items);
[[nodiscard]] Result<ApplyCounts> apply_codes(
    Transaction& tx, const ApplyContext& ctx,
    std::span<const core::Item<domain::CodeRecord>> items);
[[nodiscard]] Result<ApplyCounts> apply_nearby(
    Transaction& tx, const ApplyContext& ctx,
    std::span<const core::Item<domain::NearbyStock>> items);

// Parses `items` (a JSON array, as in an Envelope) with `stream`'s codec and
// applies the good ones (each item's compact text as the body); a malformed
// item is rejected (counted, first error kept) and the others still apply.
// Inside the caller's transaction.
[[nodiscard]] Result<ApplyCounts> apply_items(Transaction& tx, core::Stream stream,
                                              const ApplyContext& ctx, const nlohmann::json& items);

// Items [begin, end) of a message parsed beforehand (a ParsedItems of
// `stream`), each written with its text as the body. Applies at least one
// item (when begin < end) and stops after any item for which `stop` returns
// true: `next` is where to go on. The items the codec refused are the
// caller's to report (ParsedItems::rejected); counts.rejected stays 0. Inside
// the caller's transaction, like apply_items.
struct AppliedRange {
  ApplyCounts counts;
  std::size_t next = 0;
};
[[nodiscard]] Result<AppliedRange> apply_received(Transaction& tx, core::Stream stream,
                                                  const ApplyContext& ctx,
                                                  const core::ParsedItems& items, std::size_t begin,
                                                  std::size_t end,
                                                  const std::function<bool()>& stop = {});

// One stream message in ONE transaction: apply_items and, for a live message,
// last seq = max(last seq, ctx.seq). A snapshot part registers its snapshot
// even when it has no items: apply every part through here.
[[nodiscard]] Result<ApplyCounts> apply_message(Database& db, core::Stream stream,
                                                const ApplyContext& ctx,
                                                const nlohmann::json& items);

}  // namespace witryna::store
