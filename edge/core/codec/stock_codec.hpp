#pragma once
// `stock` and `nearby` stream items (mqtt.md "Items").
//
// Required: stock  — sku, on_hand, reserved, ver
//           nearby — store, sku, level ("in"|"low"|"out"), ver (optional: name, distance_m)
//           tombstones — the key (sku / store+sku), ver
// NearbyStock::as_of is local (when this device received it): never in JSON.

#include <nlohmann/json.hpp>

#include "edge/core/codec/item.hpp"
#include "edge/core/domain/stock.hpp"
#include "edge/core/result.hpp"

namespace witryna::core {

[[nodiscard]] Result<Item<domain::Stock>> parse_stock_item(const nlohmann::json& j);
[[nodiscard]] nlohmann::json to_json(const domain::Stock& s);
[[nodiscard]] nlohmann::json to_json(const Item<domain::Stock>& item);

[[nodiscard]] std::optional<domain::NearbyLevel> nearby_level_from(std::string_view s);
[[nodiscard]] Result<Item<domain::NearbyStock>> parse_nearby_item(const nlohmann::json& j);
[[nodiscard]] nlohmann::json to_json(const domain::NearbyStock& n);
[[nodiscard]] nlohmann::json to_json(const Item<domain::NearbyStock>& item);

}  // namespace witryna::core
