#pragma once
// One item of a stream as the codec hands it over: the entity, or its
// tombstone ("deleted": true) in which only the key fields and `ver` are set.

#include <variant>

#include "edge/core/domain/catalog.hpp"

namespace witryna::core {

template <typename T>
struct Item {
  T value;
  bool deleted = false;

  friend bool operator==(const Item&, const Item&) = default;
};

// `catalog` carries products and offers, told apart by `kind`.
using CatalogItem = std::variant<Item<domain::Product>, Item<domain::Offer>>;

}  // namespace witryna::core
