#pragma once
// `codes` stream items (mqtt.md "Items"). The device never sees a code in
// clear: only `code_hash`.
//
// Required: code_hash, benefit{type, value}, valid_to, max_uses (≥ 1),
// scope ("store"|"brand"), ver. Optional: customer, reason.
// Tombstone: {"code_hash", "ver", "deleted": true}.

#include <nlohmann/json.hpp>

#include "edge/core/codec/item.hpp"
#include "edge/core/domain/code.hpp"
#include "edge/core/result.hpp"

namespace witryna::core {

[[nodiscard]] std::optional<domain::CodeScope> code_scope_from(std::string_view s);
[[nodiscard]] Result<Item<domain::CodeRecord>> parse_code_item(const nlohmann::json& j);
[[nodiscard]] nlohmann::json to_json(const domain::CodeRecord& c);
[[nodiscard]] nlohmann::json to_json(const Item<domain::CodeRecord>& item);

}  // namespace witryna::core
