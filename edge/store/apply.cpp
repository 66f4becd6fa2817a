#include "edge/store/apply.hpp"

#include <algorithm>
#include <variant>
#include <vector>

#include "edge/core/codec/codec.hpp"
#include "edge/store/db/sql.hpp"
#include "edge/store/erasure.hpp"
#include "edge/store/json_text.hpp"
#include "edge/store/snapshot.hpp"
#include "edge/store/stream_generation.hpp"
#include "edge/store/stream_state.hpp"

namespace witryna::store {
namespace {

// In every upsert: ?W = written_seq (NULL keeps the stored one; a new row
// gets 0) and ?G = snapshot generation (NULL keeps; new row 0). The WHERE of
// DO UPDATE is the version guard: changes() == 0 means "not newer".
constexpr std::string_view kUpsertProduct = R"sql(
INSERT INTO products(sku, ver, deleted, category, size, body, written_seq, snap_gen)
VALUES(?1, ?2, ?3, ?4, ?5, ?6, coalesce(?7, 0), coalesce(?8, 0))
ON CONFLICT(sku) DO UPDATE SET ver = excluded.ver, deleted = excluded.deleted,
  category = excluded.category, size = excluded.size, body = excluded.body,
  written_seq = coalesce(?7, written_seq), snap_gen = coalesce(?8, snap_gen)
WHERE excluded.ver > products.ver)sql";

constexpr std::string_view kUpsertOffer = R"sql(
INSERT INTO offers(offer, ver, deleted, body, written_seq, snap_gen)
VALUES(?1, ?2, ?3, ?4, coalesce(?5, 0), coalesce(?6, 0))
ON CONFLICT(offer) DO UPDATE SET ver = excluded.ver, deleted = excluded.deleted,
  body = excluded.body, written_seq = coalesce(?5, written_seq), snap_gen = coalesce(?6, snap_gen)
WHERE excluded.ver > offers.ver)sql";

constexpr std::string_view kUpsertStock = R"sql(
INSERT INTO stock(sku, ver, deleted, on_hand, reserved, written_seq, snap_gen)
VALUES(?1, ?2, ?3, ?4, ?5, coalesce(?6, 0), coalesce(?7, 0))
ON CONFLICT(sku) DO UPDATE SET ver = excluded.ver, deleted = excluded.deleted,
  on_hand = excluded.on_hand, reserved = excluded.reserved,
  written_seq = coalesce(?6, written_seq), snap_gen = coalesce(?7, snap_gen)
WHERE excluded.ver > stock.ver)sql";

constexpr std::string_view kUpsertNearby = R"sql(
INSERT INTO nearby(sku, store, ver, deleted, name, distance_m, level, as_of, written_seq, snap_gen)
VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, coalesce(?9, 0), coalesce(?10, 0))
ON CONFLICT(sku, store) DO UPDATE SET ver = excluded.ver, deleted = excluded.deleted,
  name = excluded.name, distance_m = excluded.distance_m, level = excluded.level,
  as_of = excluded.as_of, written_seq = coalesce(?9, written_seq),
  snap_gen = coalesce(?10, snap_gen)
WHERE excluded.ver > nearby.ver)sql";

// Profiles are written as UPDATE, then INSERT only when no row was changed:
// nearly every profile of a snapshot already has its row, and the upsert's
// INSERT first made a new rowid (a seek to the table's last row) and the
// whole ~760 B record, then probed the key and built the record again for
// its DO UPDATE. The UPDATE's WHERE is the same version guard; the INSERT
// writes only a key that has no row (DO NOTHING: then it was not newer).
constexpr std::string_view kUpdateProfile = R"sql(
UPDATE profiles SET ver = ?2, deleted = ?3, points_ver = ?4, body = ?5,
  written_seq = coalesce(?6, written_seq), snap_gen = coalesce(?7, snap_gen)
WHERE customer = ?1 AND ver < ?2)sql";

constexpr std::string_view kInsertProfile = R"sql(
INSERT INTO profiles(customer, ver, deleted, points_ver, body, written_seq, snap_gen)
VALUES(?1, ?2, ?3, ?4, ?5, coalesce(?6, 0), coalesce(?7, 0))
ON CONFLICT(customer) DO NOTHING)sql";

constexpr std::string_view kUpsertReservation = R"sql(
INSERT INTO reservations(reservation, ver, deleted, customer, body, written_seq, snap_gen)
VALUES(?1, ?2, ?3, ?4, ?5, coalesce(?6, 0), coalesce(?7, 0))
ON CONFLICT(reservation) DO UPDATE SET ver = excluded.ver, deleted = excluded.deleted,
  customer = excluded.customer, body = excluded.body,
  written_seq = coalesce(?6, written_seq), snap_gen = coalesce(?7, snap_gen)
WHERE excluded.ver > reservations.ver)sql";

constexpr std::string_view kUpsertCode = R"sql(
INSERT INTO codes(code_hash, ver, deleted, max_uses, scope, body, written_seq, snap_gen)
VALUES(?1, ?2, ?3, ?4, ?5, ?6, coalesce(?7, 0), coalesce(?8, 0))
ON CONFLICT(code_hash) DO UPDATE SET ver = excluded.ver, deleted = excluded.deleted,
  max_uses = excluded.max_uses, scope = excluded.scope, body = excluded.body,
  written_seq = coalesce(?7, written_seq), snap_gen = coalesce(?8, snap_gen)
WHERE excluded.ver > codes.ver)sql";

// What one batch call shares: the transaction, the origin and the counts.
class Writer {
 public:
  Writer(Transaction& tx, const ApplyContext& ctx) : tx_(tx), ctx_(ctx) {}

  // Resolves the snapshot generation once per batch (nothing for live items).
  [[nodiscard]] Result<void> start(core::Stream stream) {
    if (!ctx_.snapshot_id) return {};
    auto gen = snapshot_generation(tx_, stream, *ctx_.snapshot_id);
    if (!gen) return tl::unexpected(gen.error());
    gen_ = *gen;
    return {};
  }

  // Whether local profile changes or pending points receipts exist at all,
  // asked once per batch: a shop has a handful or none, and asking for each
  // of a snapshot's million profiles cost two statements per profile. Only
  // this transaction writes meanwhile, and applying items never adds any, so
  // the answer holds for the whole batch.
  struct LocalPending {
    bool profile_changes = false;
    bool points_receipts = false;
  };
  [[nodiscard]] Result<LocalPending> local_pending() {
    if (local_pending_) return *local_pending_;
    auto changes = query_int(db(), "SELECT EXISTS(SELECT 1 FROM pending_profile)");
    if (!changes) return tl::unexpected(changes.error());
    auto receipts =
        query_int(db(), "SELECT EXISTS(SELECT 1 FROM points_receipts WHERE pending = 1)");
    if (!receipts) return tl::unexpected(receipts.error());
    local_pending_ = LocalPending{changes->value_or(0) != 0, receipts->value_or(0) != 0};
    return *local_pending_;
  }

  [[nodiscard]] Database& db() { return tx_.db(); }
  [[nodiscard]] Transaction& tx() { return tx_; }
  [[nodiscard]] const std::optional<std::int64_t>& seq() const { return ctx_.seq; }
  [[nodiscard]] const std::optional<std::int64_t>& gen() const { return gen_; }
  [[nodiscard]] TimePoint received_at() const { return ctx_.received_at; }
  [[nodiscard]] ApplyCounts& counts() { return counts_; }

  // Runs a guarded upsert; true when it was written. Counts it, and marks an
  // ignored item as seen when applying a snapshot part.
  template <typename... Args>
  [[nodiscard]] Result<bool> upsert(EntityKind kind, bool deleted, std::string_view key1,
                                    std::string_view key2, std::string_view sql,
                                    const Args&... args) {
    auto changed = execute(db(), sql, args...);
    if (!changed) return tl::unexpected(changed.error());
    return counted(kind, deleted, key1, key2, *changed != 0);
  }

  // The same with the guarded UPDATE and the INSERT of a missing key as two
  // statements taking the same arguments: the insert runs only when the
  // update changed nothing.
  template <typename... Args>
  [[nodiscard]] Result<bool> update_or_insert(EntityKind kind, bool deleted, std::string_view key1,
                                              std::string_view key2, std::string_view update_sql,
                                              std::string_view insert_sql, const Args&... args) {
    auto changed = execute(db(), update_sql, args...);
    if (!changed) return tl::unexpected(changed.error());
    if (*changed == 0) {
      changed = execute(db(), insert_sql, args...);
      if (!changed) return tl::unexpected(changed.error());
    }
    return counted(kind, deleted, key1, key2, *changed != 0);
  }

 private:
  [[nodiscard]] Result<bool> counted(EntityKind kind, bool deleted, std::string_view key1,
                                     std::string_view key2, bool written) {
    if (!written) {
      ++counts_.ignored;
      if (gen_) {
        if (auto ok = mark_seen(tx_, kind, *gen_, key1, key2); !ok) {
          return tl::unexpected(ok.error());
        }
      }
      return false;
    }
    ++(deleted ? counts_.tombstoned : counts_.applied);
    return true;
  }

  Transaction& tx_;
  const ApplyContext& ctx_;
  std::optional<std::int64_t> gen_;
  std::optional<LocalPending> local_pending_;
  ApplyCounts counts_;
};

// The row's body: the item's text as received, or (given none) the value
// serialized; nothing for a tombstone. The item parsers read either back.
template <typename T>
std::optional<std::string> body_of(const T& value, bool deleted, std::string_view text) {
  if (deleted) return std::nullopt;
  if (!text.empty()) return std::string(text);
  return dump_json(core::to_json(value));
}

Result<void> apply_one(Writer& w, const core::Item<domain::Product>& item, std::string_view text) {
  const auto& p = item.value;
  const bool del = item.deleted;
  auto ok = w.upsert(EntityKind::kProduct, del, p.sku, {}, kUpsertProduct, p.sku, p.ver, del,
                     del ? std::nullopt : std::optional<std::string>(p.category),
                     del ? std::nullopt : std::optional<std::string>(p.size), body_of(p, del, text),
                     w.seq(), w.gen());
  if (!ok) return tl::unexpected(ok.error());
  return {};
}

Result<void> apply_one(Writer& w, const core::Item<domain::Offer>& item, std::string_view text) {
  const auto& o = item.value;
  const bool del = item.deleted;
  auto ok = w.upsert(EntityKind::kOffer, del, o.offer, {}, kUpsertOffer, o.offer, o.ver, del,
                     body_of(o, del, text), w.seq(), w.gen());
  if (!ok) return tl::unexpected(ok.error());
  return {};
}

Result<void> apply_one(Writer& w, const core::Item<domain::Stock>& item,
                       std::string_view /*text*/) {
  const auto& s = item.value;
  const bool del = item.deleted;
  auto ok = w.upsert(EntityKind::kStock, del, s.sku, {}, kUpsertStock, s.sku, s.ver, del,
                     del ? 0 : s.on_hand, del ? 0 : s.reserved, w.seq(), w.gen());
  if (!ok) return tl::unexpected(ok.error());
  return {};
}

Result<void> apply_one(Writer& w, const core::Item<domain::NearbyStock>& item,
                       std::string_view /*text*/) {
  const auto& n = item.value;
  const bool del = item.deleted;
  const auto text = [del](std::string v) {
    return del ? std::nullopt : std::optional<std::string>(std::move(v));
  };
  const auto number = [del](std::int64_t v) {
    return del ? std::nullopt : std::optional<std::int64_t>(v);
  };
  auto ok = w.upsert(EntityKind::kNearby, del, n.sku, n.store, kUpsertNearby, n.sku, n.store, n.ver,
                     del, text(n.name), number(n.distance_m), text(domain::to_string(n.level)),
                     number(to_unix_millis(w.received_at())), w.seq(), w.gen());
  if (!ok) return tl::unexpected(ok.error());
  return {};
}

// The card index of `p.customer` made exactly `p.cards`, writing only what
// differs: a snapshot mostly re-sends profiles whose cards did not change,
// and deleting then re-inserting them rewrote two b-trees per profile. A
// card another customer held moves to this one (central's latest says so).
Result<void> index_cards(Database& db, const domain::Profile& p) {
  std::vector<std::string> held;
  {
    auto q = query(db, "SELECT card FROM cards WHERE customer = ?1", p.customer);
    if (!q) return tl::unexpected(q.error());
    for (;;) {
      auto row = (*q)->step();
      if (!row) return tl::unexpected(row.error());
      if (!*row) break;
      held.push_back((*q)->column_text(0));
    }
  }
  const auto listed = [](const std::vector<std::string>& cards, const std::string& card) {
    return std::find(cards.begin(), cards.end(), card) != cards.end();
  };
  for (const auto& card : held) {
    if (listed(p.cards, card)) continue;
    if (auto ok = execute(db, "DELETE FROM cards WHERE card = ?1", card); !ok) {
      return tl::unexpected(ok.error());
    }
  }
  for (const auto& card : p.cards) {
    if (listed(held, card)) continue;
    auto ok = execute(db,
                      "INSERT INTO cards(card, customer) VALUES(?1, ?2) "
                      "ON CONFLICT(card) DO UPDATE SET customer = excluded.customer",
                      card, p.customer);
    if (!ok) return tl::unexpected(ok.error());
  }
  return {};
}

// After a newer profile body: its cards own the index, and local changes it
// supersedes are cleared (central confirmed with a newer ver).
Result<void> after_profile_upsert(Writer& w, const domain::Profile& p) {
  auto& db = w.db();
  if (auto ok = index_cards(db, p); !ok) return ok;
  auto pending = w.local_pending();
  if (!pending) return tl::unexpected(pending.error());
  if (pending->profile_changes) {
    auto ok = execute(db, "DELETE FROM pending_profile WHERE customer = ?1 AND base_ver < ?2",
                      p.customer, p.ver);
    if (!ok) return tl::unexpected(ok.error());
  }
  if (pending->points_receipts) {
    auto ok = execute(db,
                      "UPDATE points_receipts SET pending = 0 "
                      "WHERE customer = ?1 AND pending = 1 AND base_points_ver < ?2",
                      p.customer, p.points.ver);
    if (!ok) return tl::unexpected(ok.error());
  }
  return {};
}

Result<void> apply_one(Writer& w, const core::Item<domain::Profile>& item, std::string_view text) {
  const auto& p = item.value;
  const bool del = item.deleted;
  // The text as received is bound as it is (no copy); only an item without
  // one (apply_profiles) is serialized.
  std::optional<std::string> serialized;
  std::optional<std::string_view> body;
  if (!del) {
    if (text.empty()) serialized = dump_json(core::to_json(p));
    body = text.empty() ? std::string_view(*serialized) : text;
  }
  auto written = w.update_or_insert(
      EntityKind::kProfile, del, p.customer, {}, kUpdateProfile, kInsertProfile, p.customer, p.ver,
      del, del ? std::nullopt : std::optional<std::int64_t>(p.points.ver), body, w.seq(), w.gen());
  if (!written) return tl::unexpected(written.error());
  if (!*written) return {};
  return del ? erase_customer_data(w.tx(), p.customer) : after_profile_upsert(w, p);
}

Result<void> apply_one(Writer& w, const core::Item<domain::Reservation>& item,
                       std::string_view text) {
  const auto& r = item.value;
  const bool del = item.deleted;
  auto ok =
      w.upsert(EntityKind::kReservation, del, r.reservation, {}, kUpsertReservation, r.reservation,
               r.ver, del, del ? std::nullopt : std::optional<std::string>(r.customer),
               body_of(r, del, text), w.seq(), w.gen());
  if (!ok) return tl::unexpected(ok.error());
  return {};
}

Result<void> apply_one(Writer& w, const core::Item<domain::CodeRecord>& item,
                       std::string_view text) {
  const auto& c = item.value;
  const bool del = item.deleted;
  auto ok = w.upsert(EntityKind::kCode, del, c.code_hash, {}, kUpsertCode, c.code_hash, c.ver, del,
                     del ? std::nullopt : std::optional<std::int64_t>(c.max_uses),
                     del ? std::nullopt : std::optional<std::string>(domain::to_string(c.scope)),
                     body_of(c, del, text), w.seq(), w.gen());
  if (!ok) return tl::unexpected(ok.error());
  return {};
}

Result<void> apply_one(Writer& w, const core::CatalogItem& item, std::string_view text) {
  return std::visit([&w, text](const auto& i) { return apply_one(w, i, text); }, item);
}

template <typename ItemT>
Result<ApplyCounts> apply_all(Transaction& tx, core::Stream stream, const ApplyContext& ctx,
                              std::span<const ItemT> items) {
  Writer w(tx, ctx);
  if (auto ok = w.start(stream); !ok) return tl::unexpected(ok.error());
  for (const auto& item : items) {
    if (auto ok = apply_one(w, item, {}); !ok) return tl::unexpected(ok.error());
  }
  return w.counts();
}

// Received items [begin, end), stopping after any item once `stop` says so.
template <typename ItemT>
Result<AppliedRange> apply_range(Transaction& tx, core::Stream stream, const ApplyContext& ctx,
                                 const std::vector<core::Received<ItemT>>& items, std::size_t begin,
                                 std::size_t end, const std::function<bool()>& stop) {
  Writer w(tx, ctx);
  if (auto ok = w.start(stream); !ok) return tl::unexpected(ok.error());
  end = std::min(end, items.size());
  std::size_t at = begin;
  while (at < end) {
    const auto& r = items[at];
    if (auto ok = apply_one(w, r.item, r.text); !ok) return tl::unexpected(ok.error());
    ++at;
    if (stop && stop()) break;
  }
  return AppliedRange{w.counts(), at};
}

}  // namespace

ApplyCounts& ApplyCounts::operator+=(const ApplyCounts& other) {
  applied += other.applied;
  ignored += other.ignored;
  tombstoned += other.tombstoned;
  rejected += other.rejected;
  if (!first_rejection) first_rejection = other.first_rejection;
  return *this;
}

Result<ApplyCounts> apply_catalog(Transaction& tx, const ApplyContext& ctx,
                                  std::span<const core::CatalogItem> items) {
  return apply_all(tx, core::Stream::kCatalog, ctx, items);
}

Result<ApplyCounts> apply_stock(Transaction& tx, const ApplyContext& ctx,
                                std::span<const core::Item<domain::Stock>> items) {
  return apply_all(tx, core::Stream::kStock, ctx, items);
}

Result<ApplyCounts> apply_profiles(Transaction& tx, const ApplyContext& ctx,
                                   std::span<const core::Item<domain::Profile>> items) {
  return apply_all(tx, core::Stream::kProfiles, ctx, items);
}

Result<ApplyCounts> apply_reservations(Transaction& tx, const ApplyContext& ctx,
                                       std::span<const core::Item<domain::Reservation>> items) {
  return apply_all(tx, core::Stream::kReservations, ctx, items);
}

Result<ApplyCounts> apply_codes(Transaction& tx, const ApplyContext& ctx,
                                std::span<const core::Item<domain::CodeRecord>> items) {
  return apply_all(tx, core::Stream::kCodes, ctx, items);
}

Result<ApplyCounts> apply_nearby(Transaction& tx, const ApplyContext& ctx,
                                 std::span<const core::Item<domain::NearbyStock>> items) {
  return apply_all(tx, core::Stream::kNearby, ctx, items);
}

Result<ApplyCounts> apply_items(Transaction& tx, core::Stream stream, const ApplyContext& ctx,
                                const nlohmann::json& items) {
  if (!items.is_array()) return fail(std::string(errc::kWrongType), "items");
  const auto parsed = core::parse_items(stream, items);
  auto range = apply_received(tx, stream, ctx, parsed, 0, parsed.size());
  if (!range) return tl::unexpected(range.error());
  ApplyCounts counts = std::move(range->counts);
  counts.rejected += parsed.rejected;
  if (!counts.first_rejection) counts.first_rejection = parsed.first_rejection;
  return counts;
}

Result<AppliedRange> apply_received(Transaction& tx, core::Stream stream, const ApplyContext& ctx,
                                    const core::ParsedItems& items, std::size_t begin,
                                    std::size_t end, const std::function<bool()>& stop) {
  auto range =
      std::visit([&](const auto& v) { return apply_range(tx, stream, ctx, v, begin, end, stop); },
                 items.items);
  if (range && range->counts.applied + range->counts.tombstoned > 0) {
    if (auto ok = bump_stream_generation(tx, stream); !ok) return tl::unexpected(ok.error());
  }
  return range;
}

Result<ApplyCounts> apply_message(Database& db, core::Stream stream, const ApplyContext& ctx,
                                  const nlohmann::json& items) {
  auto tx = Transaction::begin(db);
  if (!tx) return tl::unexpected(tx.error());
  if (ctx.snapshot_id) {
    if (auto gen = snapshot_generation(*tx, stream, *ctx.snapshot_id); !gen) {
      return tl::unexpected(gen.error());
    }
  }
  auto counts = apply_items(*tx, stream, ctx, items);
  if (!counts) return counts;
  if (ctx.seq) {
    if (auto ok = raise_last_seq(*tx, stream, *ctx.seq); !ok) return tl::unexpected(ok.error());
  }
  if (auto ok = tx->commit(); !ok) return tl::unexpected(ok.error());
  return counts;
}

}  // namespace witryna::store
