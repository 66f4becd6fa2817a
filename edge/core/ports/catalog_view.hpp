#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "edge/core/domain/catalog.hpp"
#include "edge/core/domain/stock.hpp"

namespace witryna::core {

// A product that is available here, with the stock row that says so: the
// caller needs the level anyway, and asking again would be another look-up.
struct StockedProduct {
  domain::Product product;
  domain::Stock stock;

  friend bool operator==(const StockedProduct&, const StockedProduct&) = default;
};

// Read-only look-ups the decisions need about what this store can sell.
// Implemented by the SQLite store and by in-memory fakes in tests. Called on
// the service thread only; results are copies the caller owns.
class CatalogView {
 public:
  virtual ~CatalogView() = default;

  [[nodiscard]] virtual std::optional<domain::Product> product(std::string_view sku) const = 0;
  // No row means "never heard of it": treat as not available.
  [[nodiscard]] virtual std::optional<domain::Stock> stock(std::string_view sku) const = 0;
  // Nearby stores' coarse stock for `sku` (tombstoned rows excluded), nearest first.
  [[nodiscard]] virtual std::vector<domain::NearbyStock> nearby(std::string_view sku) const = 0;
  // Up to `limit` products of `category` with available > 0 here, in the
  // given `size` (any size when empty), in a stable order (by sku).
  [[nodiscard]] virtual std::vector<StockedProduct> available_in_category(
      std::string_view category, std::string_view size, std::size_t limit) const = 0;

  // The same answers, shared instead of copied: an implementation that keeps
  // its answers hands out what it keeps (a decision reads hundreds of
  // products, and copying them cost more than deciding). Never modified
  // afterwards. The defaults copy. nullptr: no such product.
  [[nodiscard]] virtual std::shared_ptr<const domain::Product> shared_product(
      std::string_view sku) const {
    auto p = product(sku);
    return p ? std::make_shared<const domain::Product>(std::move(*p)) : nullptr;
  }
  [[nodiscard]] virtual std::shared_ptr<const std::vector<StockedProduct>>
  shared_available_in_category(std::string_view category, std::string_view size,
                               std::size_t limit) const {
    return std::make_shared<const std::vector<StockedProduct>>(
        available_in_category(category, size, limit));
  }
};

}  // namespace witryna::core
