#pragma once
// `profiles` stream items (mqtt.md "Items").
//
// Required: customer, ver. Everything else is optional with an empty default;
// an absent consent is false (refused). Inside optional parts:
//   points{balance, ver}, recent[]{sku, at} (channel, what optional),
//   history[]{at, note} (channel optional), preferences{sizes, categories,
//   budget_minor, pickup_store} all optional, affinities{category: number}.
// Tombstone (right-to-erasure): {"customer", "ver", "deleted": true}.
// Error contexts name the field path only, never a value.

#include <nlohmann/json.hpp>

#include "edge/core/codec/item.hpp"
#include "edge/core/domain/profile.hpp"
#include "edge/core/result.hpp"

namespace witryna::core {

[[nodiscard]] Result<Item<domain::Profile>> parse_profile_item(const nlohmann::json& j);
[[nodiscard]] nlohmann::json to_json(const domain::Profile& p);
[[nodiscard]] nlohmann::json to_json(const Item<domain::Profile>& item);

// The parts a kiosk may change locally (consent.set / preferences.set).
[[nodiscard]] Result<domain::Consents> parse_consents(const nlohmann::json& j);
[[nodiscard]] nlohmann::json to_json(const domain::Consents& c);
[[nodiscard]] Result<domain::Preferences> parse_preferences(const nlohmann::json& j);
[[nodiscard]] nlohmann::json to_json(const domain::Preferences& p);

}  // namespace witryna::core
