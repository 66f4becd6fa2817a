#pragma once
// `catalog` stream items (mqtt.md "Items").
//
// Required fields (missing → kMissingField, wrong JSON type → kWrongType, the
// field path in Error::context):
//   product: kind, sku, ver, name, category, price_minor, currency
//            (optional: product, size, color, alternatives)
//   offer:   kind, offer, ver, title, benefit{type,value}, valid_from, valid_to
//            (optional: body, category, skus, segments, tiers, personalized=false,
//             max_per_day=0, priority=0)
//   tombstone ("deleted": true): kind, the key (sku / offer), ver
// An unknown `kind` is kInvalidValue. Unknown fields are ignored.

#include <nlohmann/json.hpp>

#include "edge/core/codec/item.hpp"
#include "edge/core/domain/catalog.hpp"
#include "edge/core/result.hpp"

namespace witryna::core {

[[nodiscard]] Result<CatalogItem> parse_catalog_item(const nlohmann::json& j);
// Only a product item (kind must be "product"); used to read stored bodies back.
[[nodiscard]] Result<Item<domain::Product>> parse_product_item(const nlohmann::json& j);
[[nodiscard]] Result<Item<domain::Offer>> parse_offer_item(const nlohmann::json& j);

// The full item form (with "kind"); parse(to_json(x)) == x.
[[nodiscard]] nlohmann::json to_json(const domain::Product& p);
[[nodiscard]] nlohmann::json to_json(const domain::Offer& o);
// The tombstone form when `item.deleted`, else the full form.
[[nodiscard]] nlohmann::json to_json(const Item<domain::Product>& item);
[[nodiscard]] nlohmann::json to_json(const Item<domain::Offer>& item);
[[nodiscard]] nlohmann::json to_json(const CatalogItem& item);

}  // namespace witryna::core
