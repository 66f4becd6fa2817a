#pragma once
// A `catalog` product read straight from its JSON text, without building a
// nlohmann::json tree first: the fast path of a product body read at a scan
// (a decision parses the bodies of the customer's recent items, random skus
// that no cache holds, and the tree cost most of the parse).
//
// It takes only the plain shape the codec writes (to_json of a product): the
// fields catalog_codec.hpp reads, each once, with the types it expects,
// strings without escapes, plain integers, no nulls, no unknown fields. For
// any other text it returns nullopt, and the caller parses the body with
// nlohmann::json and parse_product_item as before, which decides (accepts,
// or rejects with its error). Where this reader accepts, the item equals what
// parse_product_item returns (table- and differential-tested, the same
// contract as profile_text_reader.hpp).

#include <optional>
#include <string_view>

#include "edge/core/codec/item.hpp"
#include "edge/core/domain/catalog.hpp"

namespace witryna::core {

[[nodiscard]] std::optional<Item<domain::Product>> read_plain_product(std::string_view text);

}  // namespace witryna::core
