#include "edge/store/apply.hpp"

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

constexpr std::string_view kUpsertProfile = R"sql(
INSERT INTO profiles(customer, ver, deleted, points_ver, body, written_seq, snap_gen)
VALUES(?1, ?2, ?3, ?4, ?5, coalesce(?6, 0), coalesce(?7, 0))
ON CONFLICT(customer) DO UPDATE SET ver = excluded.ver, deleted = excluded.deleted,
  points_ver = excluded.points_ver, body = excluded.body,
  written_seq = coalesce(?6, written_seq), snap_gen = coalesce(?7, snap_gen)
WHERE excluded.ver > profiles.ver)sql";

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
    if (*changed == 0) {
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

 private:
  Transaction& tx_;
  const ApplyContext& ctx_;
  std::optional<std::int64_t> gen_;
  ApplyCounts counts_;
};

Result<void> apply_one(Writer& w, const core::Item<domain::Product>& item) {
  const auto& p = item.value;
  const bool del = item.deleted;
  auto ok = w.upsert(EntityKind::kProduct, del, p.sku, {}, kUpsertProduct, p.sku, p.ver, del,
                     del ? std::nullopt : std::optional<std::string>(p.category),
                     del ? std::nullopt : std::optional<std::string>(p.size),
                     del ? std::nullopt : std::optional<std::string>(dump_json(core::to_json(p))),
                     w.seq(), w.gen());
  if (!ok) return tl::unexpected(ok.error());
  return {};
}

Result<void> apply_one(Writer& w, const core::Item<domain::Offer>& item) {
  const auto& o = item.value;
  const bool del = item.deleted;
  auto ok = w.upsert(EntityKind::kOffer, del, o.offer, {}, kUpsertOffer, o.offer, o.ver, del,
                     del ? std::nullopt : std::optional<std::string>(dump_json(core::to_json(o))),
                     w.seq(), w.gen());
  if (!ok) return tl::unexpected(ok.error());
  return {};
}

Result<void> apply_one(Writer& w, const core::Item<domain::Stock>& item) {
  const auto& s = item.value;
  const bool del = item.deleted;
  auto ok = w.upsert(EntityKind::kStock, del, s.sku, {}, kUpsertStock, s.sku, s.ver, del,
                     del ? 0 : s.on_hand, del ? 0 : s.reserved, w.seq(), w.gen());
  if (!ok) return tl::unexpected(ok.error());
  return {};
}

Result<void> apply_one(Writer& w, const core::Item<domain::NearbyStock>& item) {
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

// After a newer profile body: its cards own the index, and local changes it
// supersedes are cleared (central confirmed with a newer ver).
Result<void> after_profile_upsert(Transaction& tx, const domain::Profile& p) {
  auto& db = tx.db();
  if (auto ok = execute(db, "DELETE FROM cards WHERE customer = ?1", p.customer); !ok) {
    return tl::unexpected(ok.error());
  }
  for (const auto& card : p.cards) {
    auto ok = execute(db,
                      "INSERT INTO cards(card, customer) VALUES(?1, ?2) "
                      "ON CONFLICT(card) DO UPDATE SET customer = excluded.customer",
                      card, p.customer);
    if (!ok) return tl::unexpected(ok.error());
  }
  if (auto ok = execute(db, "DELETE FROM pending_profile WHERE customer = ?1 AND base_ver < ?2",
                        p.customer, p.ver);
      !ok) {
    return tl::unexpected(ok.error());
  }
  auto ok = execute(db,
                    "UPDATE points_receipts SET pending = 0 "
                    "WHERE customer = ?1 AND pending = 1 AND base_points_ver < ?2",
                    p.customer, p.points.ver);
  if (!ok) return tl::unexpected(ok.error());
  return {};
}

Result<void> apply_one(Writer& w, const core::Item<domain::Profile>& item) {
  const auto& p = item.value;
  const bool del = item.deleted;
  auto written =
      w.upsert(EntityKind::kProfile, del, p.customer, {}, kUpsertProfile, p.customer, p.ver, del,
               del ? std::nullopt : std::optional<std::int64_t>(p.points.ver),
               del ? std::nullopt : std::optional<std::string>(dump_json(core::to_json(p))),
               w.seq(), w.gen());
  if (!written) return tl::unexpected(written.error());
  if (!*written) return {};
  return del ? erase_customer_data(w.tx(), p.customer) : after_profile_upsert(w.tx(), p);
}

Result<void> apply_one(Writer& w, const core::Item<domain::Reservation>& item) {
  const auto& r = item.value;
  const bool del = item.deleted;
  auto ok =
      w.upsert(EntityKind::kReservation, del, r.reservation, {}, kUpsertReservation, r.reservation,
               r.ver, del, del ? std::nullopt : std::optional<std::string>(r.customer),
               del ? std::nullopt : std::optional<std::string>(dump_json(core::to_json(r))),
               w.seq(), w.gen());
  if (!ok) return tl::unexpected(ok.error());
  return {};
}

Result<void> apply_one(Writer& w, const core::Item<domain::CodeRecord>& item) {
  const auto& c = item.value;
  const bool del = item.deleted;
  auto ok = w.upsert(EntityKind::kCode, del, c.code_hash, {}, kUpsertCode, c.code_hash, c.ver, del,
                     del ? std::nullopt : std::optional<std::int64_t>(c.max_uses),
                     del ? std::nullopt : std::optional<std::string>(domain::to_string(c.scope)),
                     del ? std::nullopt : std::optional<std::string>(dump_json(core::to_json(c))),
                     w.seq(), w.gen());
  if (!ok) return tl::unexpected(ok.error());
  return {};
}

Result<void> apply_one(Writer& w, const core::CatalogItem& item) {
  return std::visit([&w](const auto& i) { return apply_one(w, i); }, item);
}

template <typename ItemT>
Result<ApplyCounts> apply_all(Transaction& tx, core::Stream stream, const ApplyContext& ctx,
                              std::span<const ItemT> items) {
  Writer w(tx, ctx);
  if (auto ok = w.start(stream); !ok) return tl::unexpected(ok.error());
  for (const auto& item : items) {
    if (auto ok = apply_one(w, item); !ok) return tl::unexpected(ok.error());
  }
  return w.counts();
}

// Parses every element with `parse`, keeps the good ones, counts the rest.
template <typename ItemT, typename Parse>
std::vector<ItemT> parse_all(const nlohmann::json& items, Parse parse, ApplyCounts& counts) {
  std::vector<ItemT> out;
  out.reserve(items.size());
  for (const auto& j : items) {
    auto item = parse(j);
    if (item) {
      out.push_back(std::move(*item));
      continue;
    }
    ++counts.rejected;
    if (!counts.first_rejection) counts.first_rejection = item.error();
  }
  return out;
}

template <typename ItemT, typename Parse, typename Apply>
Result<ApplyCounts> parse_and_apply(Transaction& tx, const ApplyContext& ctx,
                                    const nlohmann::json& items, Parse parse, Apply apply) {
  ApplyCounts rejected;
  const auto parsed = parse_all<ItemT>(items, parse, rejected);
  auto counts = apply(tx, ctx, std::span<const ItemT>(parsed));
  if (!counts) return counts;
  *counts += rejected;
  return counts;
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

namespace {

Result<ApplyCounts> parse_and_apply_stream(Transaction& tx, core::Stream stream,
                                           const ApplyContext& ctx, const nlohmann::json& items) {
  switch (stream) {
    case core::Stream::kCatalog:
      return parse_and_apply<core::CatalogItem>(tx, ctx, items, core::parse_catalog_item,
                                                apply_catalog);
    case core::Stream::kStock:
      return parse_and_apply<core::Item<domain::Stock>>(tx, ctx, items, core::parse_stock_item,
                                                        apply_stock);
    case core::Stream::kProfiles:
      return parse_and_apply<core::Item<domain::Profile>>(tx, ctx, items, core::parse_profile_item,
                                                          apply_profiles);
    case core::Stream::kReservations:
      return parse_and_apply<core::Item<domain::Reservation>>(
          tx, ctx, items, core::parse_reservation_item, apply_reservations);
    case core::Stream::kCodes:
      return parse_and_apply<core::Item<domain::CodeRecord>>(tx, ctx, items, core::parse_code_item,
                                                             apply_codes);
    case core::Stream::kNearby:
      return parse_and_apply<core::Item<domain::NearbyStock>>(
          tx, ctx, items, core::parse_nearby_item, apply_nearby);
  }
  return fail(std::string(errc::kInvalidValue), "stream");
}

}  // namespace

Result<ApplyCounts> apply_items(Transaction& tx, core::Stream stream, const ApplyContext& ctx,
                                const nlohmann::json& items) {
  if (!items.is_array()) return fail(std::string(errc::kWrongType), "items");
  auto counts = parse_and_apply_stream(tx, stream, ctx, items);
  if (counts && counts->applied + counts->tombstoned > 0) {
    if (auto ok = bump_stream_generation(tx, stream); !ok) return tl::unexpected(ok.error());
  }
  return counts;
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
