#pragma once
// The key of a stream item (mqtt.md "Items"): what makes two items the same
// entity, so a newer `ver` replaces an older one.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "edge/core/codec/stream.hpp"

namespace witryna::central {

using Json = nlohmann::json;
using Stream = ::witryna::core::Stream;

// catalog: "product:<sku>" or "offer:<offer>"; stock: sku; profiles:
// customer; reservations: reservation; codes: code_hash; nearby:
// "<store>/<sku>". nullopt when the key fields are missing or not strings.
[[nodiscard]] std::optional<std::string> entity_key(Stream stream, const Json& item);

// The item's `ver`, 0 when absent or not an integer.
[[nodiscard]] std::int64_t item_ver(const Json& item);

// True for a tombstone ("deleted": true).
[[nodiscard]] bool is_deleted(const Json& item);

}  // namespace witryna::central
