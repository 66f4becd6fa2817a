#pragma once
// Reading entities back. Every look-up is one indexed query; tombstoned rows
// read as absent. Bodies are parsed with the codec; a damaged body is
// errc::kStorage (context names the table, never the key).
// Threads: the calling thread must own `db` (use a reader connection per
// thread; WAL keeps reads going during writes on other connections).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "edge/core/domain/catalog.hpp"
#include "edge/core/domain/code.hpp"
#include "edge/core/domain/profile.hpp"
#include "edge/core/domain/reservation.hpp"
#include "edge/core/domain/stock.hpp"
#include "edge/core/result.hpp"
#include "edge/store/db/database.hpp"
#include "edge/store/entity_tables.hpp"

namespace witryna::store {

[[nodiscard]] Result<std::optional<domain::Product>> load_product(Database& db,
                                                                  std::string_view sku);
[[nodiscard]] Result<std::optional<domain::Offer>> load_offer(Database& db, std::string_view offer);
// Every offer that is not deleted (expired ones too: the caller filters by
// time). At most ~1,000: load once and refresh when the catalog changes.
[[nodiscard]] Result<std::vector<domain::Offer>> load_offers(Database& db);
[[nodiscard]] Result<std::optional<domain::Stock>> load_stock(Database& db, std::string_view sku);
// Live nearby rows of `sku`, nearest first.
[[nodiscard]] Result<std::vector<domain::NearbyStock>> load_nearby(Database& db,
                                                                   std::string_view sku);

// The profile as central last sent it (no local pending changes).
[[nodiscard]] Result<std::optional<domain::Profile>> load_profile(Database& db,
                                                                  std::string_view customer);
// The customer whose live profile lists `card`.
[[nodiscard]] Result<std::optional<std::string>> customer_for_card(Database& db,
                                                                   std::string_view card);

[[nodiscard]] Result<std::optional<domain::Reservation>> load_reservation(
    Database& db, std::string_view reservation);
// Live reservations of `customer`, by reservation id.
[[nodiscard]] Result<std::vector<domain::Reservation>> load_reservations_of(
    Database& db, std::string_view customer);
[[nodiscard]] Result<std::optional<domain::CodeRecord>> load_code(Database& db,
                                                                  std::string_view code_hash);

// The stored ver of any entity and whether it is a tombstone (`key2` is the
// store for nearby rows). Cheaper than loading the entity: a token scan asks
// it whether the customer is known here before the view loads the profile.
struct StoredVersion {
  std::int64_t ver = 0;
  bool deleted = false;
  friend bool operator==(const StoredVersion&, const StoredVersion&) = default;
};
[[nodiscard]] Result<std::optional<StoredVersion>> stored_version(Database& db, EntityKind kind,
                                                                  std::string_view key1,
                                                                  std::string_view key2 = {});

}  // namespace witryna::store
