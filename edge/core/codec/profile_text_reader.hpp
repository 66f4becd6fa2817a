#pragma once
// A `profiles` item read straight from its JSON text, without building a
// nlohmann::json tree first: the fast path of a snapshot part (a
// 1,000,000-profile snapshot spent most of its parse time allocating and
// freeing the tree of each item).
//
// It takes only the plain shape central sends: the fields profile_codec.hpp
// names, each once, with the types it expects, strings without escapes,
// numbers that are plain integers (or decimals in `affinities`), no nulls, no
// unknown fields. For any other text it returns nullopt, and the caller
// parses the item with nlohmann::json and parse_profile_item as before, which
// decides (accepts, or rejects with its error). So together they accept and
// refuse exactly what that parser does; where this reader accepts, the item
// equals what parse_profile_item returns (table- and differential-tested).
//
// Strings are checked as nlohmann checks them (well-formed UTF-8, no control
// characters); text after the item (other than whitespace) gives nullopt.

#include <optional>
#include <string_view>

#include "edge/core/codec/item.hpp"
#include "edge/core/domain/profile.hpp"

namespace witryna::core {

[[nodiscard]] std::optional<Item<domain::Profile>> read_plain_profile(std::string_view text);

}  // namespace witryna::core
