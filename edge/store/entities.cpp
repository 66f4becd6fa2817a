#include "edge/store/entities.hpp"

#include <algorithm>

#include "edge/core/codec/codec.hpp"
#include "edge/core/codec/profile_text_reader.hpp"
#include "edge/store/db/sql.hpp"
#include "edge/store/json_text.hpp"

namespace witryna::store {
namespace {

// Parses a stored body with the item parser `parse`; damaged → kStorage.
template <typename Parse>
auto read_body(std::string_view text, Parse parse, std::string_view table)
    -> Result<std::remove_cvref_t<decltype(parse(nlohmann::json()).value().value)>> {
  auto j = parse_json(text);
  if (!j) return fail(std::string(errc::kStorage), std::string(table) + ": damaged body");
  auto item = parse(*j);
  if (!item) {
    return fail(std::string(errc::kStorage),
                std::string(table) + ": damaged body (" + item.error().context + ")");
  }
  return std::move(item->value);
}

// One row's body by key, parsed; nullopt when absent or a tombstone.
template <typename Parse, typename... Keys>
auto load_one(Database& db, std::string_view sql, Parse parse, std::string_view table,
              const Keys&... keys)
    -> Result<std::optional<std::remove_cvref_t<decltype(parse(nlohmann::json()).value().value)>>> {
  using T = std::remove_cvref_t<decltype(parse(nlohmann::json()).value().value)>;
  auto q = query(db, sql, keys...);
  if (!q) return tl::unexpected(q.error());
  auto row = (*q)->step();
  if (!row) return tl::unexpected(row.error());
  if (!*row) return std::optional<T>();
  auto value = read_body((*q)->column_view(0), parse, table);
  if (!value) return tl::unexpected(value.error());
  return std::optional<T>(std::move(*value));
}

// Every row's body of a query, parsed.
template <typename Parse, typename... Args>
auto load_many(Database& db, std::string_view sql, Parse parse, std::string_view table,
               const Args&... args)
    -> Result<std::vector<std::remove_cvref_t<decltype(parse(nlohmann::json()).value().value)>>> {
  using T = std::remove_cvref_t<decltype(parse(nlohmann::json()).value().value)>;
  auto q = query(db, sql, args...);
  if (!q) return tl::unexpected(q.error());
  std::vector<T> out;
  for (;;) {
    auto row = (*q)->step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) break;
    auto value = read_body((*q)->column_view(0), parse, table);
    if (!value) return tl::unexpected(value.error());
    out.push_back(std::move(*value));
  }
  return out;
}

}  // namespace

Result<std::optional<domain::Product>> load_product(Database& db, std::string_view sku) {
  return load_one(db, "SELECT body FROM products WHERE sku = ?1 AND deleted = 0",
                  core::parse_product_item, "products", sku);
}

Result<std::optional<domain::Offer>> load_offer(Database& db, std::string_view offer) {
  return load_one(db, "SELECT body FROM offers WHERE offer = ?1 AND deleted = 0",
                  core::parse_offer_item, "offers", offer);
}

Result<std::vector<domain::Offer>> load_offers(Database& db) {
  return load_many(db, "SELECT body FROM offers WHERE deleted = 0 ORDER BY offer",
                   core::parse_offer_item, "offers");
}

Result<std::optional<domain::Stock>> load_stock(Database& db, std::string_view sku) {
  auto q =
      query(db, "SELECT ver, on_hand, reserved FROM stock WHERE sku = ?1 AND deleted = 0", sku);
  if (!q) return tl::unexpected(q.error());
  auto row = (*q)->step();
  if (!row) return tl::unexpected(row.error());
  if (!*row) return std::optional<domain::Stock>();
  domain::Stock s;
  s.sku = std::string(sku);
  s.ver = (*q)->column_int(0);
  s.on_hand = (*q)->column_int(1);
  s.reserved = (*q)->column_int(2);
  return std::optional<domain::Stock>(std::move(s));
}

Result<std::vector<domain::NearbyStock>> load_nearby(Database& db, std::string_view sku) {
  auto q = query(db,
                 "SELECT store, name, distance_m, level, ver, as_of FROM nearby "
                 "WHERE sku = ?1 AND deleted = 0",
                 sku);
  if (!q) return tl::unexpected(q.error());
  std::vector<domain::NearbyStock> out;
  for (;;) {
    auto row = (*q)->step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) break;
    auto& s = **q;
    domain::NearbyStock n;
    n.store = s.column_text(0);
    n.name = s.column_text(1);
    n.distance_m = s.column_int(2);
    n.sku = std::string(sku);
    n.level = core::nearby_level_from(s.column_view(3)).value_or(domain::NearbyLevel::kOut);
    n.ver = s.column_int(4);
    n.as_of = from_unix_millis(s.column_int(5));
    out.push_back(std::move(n));
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.distance_m != b.distance_m ? a.distance_m < b.distance_m : a.store < b.store;
  });
  return out;
}

Result<std::optional<domain::Profile>> load_profile(Database& db, std::string_view customer) {
  auto q = query(db, "SELECT body FROM profiles WHERE customer = ?1 AND deleted = 0", customer);
  if (!q) return tl::unexpected(q.error());
  auto row = (*q)->step();
  if (!row) return tl::unexpected(row.error());
  if (!*row) return std::optional<domain::Profile>();
  // Bodies as central sent them: the plain reader takes those, and anything
  // else goes to the full parser, which decides as before
  // (profile_text_reader.hpp). Read at every scan.
  const auto text = (*q)->column_view(0);
  if (auto plain = core::read_plain_profile(text)) {
    return std::optional<domain::Profile>(std::move(plain->value));
  }
  auto value = read_body(text, core::parse_profile_item, "profiles");
  if (!value) return tl::unexpected(value.error());
  return std::optional<domain::Profile>(std::move(*value));
}

Result<std::optional<std::string>> customer_for_card(Database& db, std::string_view card) {
  auto q = query(db,
                 "SELECT c.customer FROM cards c JOIN profiles p ON p.customer = c.customer "
                 "WHERE c.card = ?1 AND p.deleted = 0",
                 card);
  if (!q) return tl::unexpected(q.error());
  auto row = (*q)->step();
  if (!row) return tl::unexpected(row.error());
  if (!*row) return std::optional<std::string>();
  return std::optional<std::string>((*q)->column_text(0));
}

Result<std::optional<domain::Reservation>> load_reservation(Database& db,
                                                            std::string_view reservation) {
  return load_one(db, "SELECT body FROM reservations WHERE reservation = ?1 AND deleted = 0",
                  core::parse_reservation_item, "reservations", reservation);
}

Result<std::vector<domain::Reservation>> load_reservations_of(Database& db,
                                                              std::string_view customer) {
  return load_many(db,
                   "SELECT body FROM reservations WHERE customer = ?1 AND deleted = 0 "
                   "ORDER BY reservation",
                   core::parse_reservation_item, "reservations", customer);
}

Result<std::optional<domain::CodeRecord>> load_code(Database& db, std::string_view code_hash) {
  return load_one(db, "SELECT body FROM codes WHERE code_hash = ?1 AND deleted = 0",
                  core::parse_code_item, "codes", code_hash);
}

Result<std::optional<StoredVersion>> stored_version(Database& db, EntityKind kind,
                                                    std::string_view key1, std::string_view key2) {
  const auto& t = entity_table(kind);
  auto q = t.key_count == 1 ? query(db, t.version_sql, key1) : query(db, t.version_sql, key1, key2);
  if (!q) return tl::unexpected(q.error());
  auto row = (*q)->step();
  if (!row) return tl::unexpected(row.error());
  if (!*row) return std::optional<StoredVersion>();
  return std::optional<StoredVersion>(StoredVersion{(*q)->column_int(0), (*q)->column_int(1) != 0});
}

}  // namespace witryna::store
