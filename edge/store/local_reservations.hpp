#pragma once
// Reservations as this device changes them itself (pickup, expiry) and the
// look-ups the checkout needs. A local change keeps the entity's ver: central's
// next version (higher ver) stays the truth (mqtt.md).

#include <string_view>
#include <vector>

#include "edge/core/domain/reservation.hpp"
#include "edge/core/result.hpp"
#include "edge/store/db/database.hpp"
#include "edge/store/db/transaction.hpp"

namespace witryna::store {

// Live held/ready reservations of `store`, ordered by hold_until then id.
[[nodiscard]] Result<std::vector<domain::Reservation>> load_open_reservations(
    Database& db, std::string_view store);

// Writes `r` (its status) over the stored row with the same key and ver.
// kNotFound when that row is gone or has another ver (central changed it
// meanwhile: the caller re-reads and decides again).
[[nodiscard]] Result<void> write_local_reservation(Transaction& tx, const domain::Reservation& r);

}  // namespace witryna::store
