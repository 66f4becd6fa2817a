#pragma once
// `reservations` stream items (mqtt.md "Items").
//
// Required: reservation, customer, store, sku, qty, status
// ("held"|"ready"|"picked_up"|"cancelled"|"expired"), hold_until, ver.
// Optional: fitting_room, discount{type, value, currency?}.
// Tombstone: {"reservation", "ver", "deleted": true}.

#include <nlohmann/json.hpp>

#include "edge/core/codec/item.hpp"
#include "edge/core/domain/reservation.hpp"
#include "edge/core/result.hpp"

namespace witryna::core {

[[nodiscard]] Result<Item<domain::Reservation>> parse_reservation_item(const nlohmann::json& j);
[[nodiscard]] nlohmann::json to_json(const domain::Reservation& r);
[[nodiscard]] nlohmann::json to_json(const Item<domain::Reservation>& item);

}  // namespace witryna::core
