#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "edge/core/ports/catalog_view.hpp"

namespace witryna::core {

// A CatalogView that asks the one it wraps at most once per question. Made
// for the span of one decision: a store's thousand offers share a few dozen
// categories and skus, and every repeat would be another store query. Not
// for keeping: it never sees the data change.
class MemoizedCatalog final : public CatalogView {
 public:
  explicit MemoizedCatalog(const CatalogView& inner) : inner_(inner) {}

  [[nodiscard]] std::optional<domain::Product> product(std::string_view sku) const override;
  [[nodiscard]] std::optional<domain::Stock> stock(std::string_view sku) const override;
  [[nodiscard]] std::vector<domain::NearbyStock> nearby(std::string_view sku) const override;
  [[nodiscard]] std::vector<StockedProduct> available_in_category(std::string_view category,
                                                                  std::string_view size,
                                                                  std::size_t limit) const override;

  // The same answers by reference, valid while this object lives: a decision
  // looks at hundreds of candidates and copying each would cost more than
  // deciding.
  // nullptr: not known / no stock row.
  [[nodiscard]] const domain::Product* find_product(std::string_view sku) const;
  [[nodiscard]] const domain::Stock* find_stock(std::string_view sku) const;
  [[nodiscard]] const std::vector<StockedProduct>& find_available(std::string_view category,
                                                                  std::string_view size,
                                                                  std::size_t limit) const;

 private:
  using CategoryKey = std::tuple<std::string, std::string, std::size_t>;
  using CategoryQuestion = std::tuple<std::string_view, std::string_view, std::size_t>;

  const CatalogView& inner_;
  mutable std::map<std::string, std::shared_ptr<const domain::Product>, std::less<>> products_;
  mutable std::map<std::string, std::optional<domain::Stock>, std::less<>> stock_;
  mutable std::map<std::string, std::vector<domain::NearbyStock>, std::less<>> nearby_;
  mutable std::map<CategoryKey, std::shared_ptr<const std::vector<StockedProduct>>, std::less<>>
      categories_;
  // Skus that came in a category answer, pointing into it: their product and
  // stock need no other question (and no copy).
  mutable std::map<std::string_view, const StockedProduct*, std::less<>> listed_;
};

}  // namespace witryna::core
