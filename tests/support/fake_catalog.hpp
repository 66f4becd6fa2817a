#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "edge/core/domain/catalog.hpp"
#include "edge/core/domain/stock.hpp"
#include "edge/core/ports/catalog_view.hpp"
#include "edge/core/time.hpp"

namespace witryna::test {

// An in-memory CatalogView for core tests. Follows the port's rules: no stock
// row means not available; nearby rows nearest first; available_in_category
// returns products with available > 0, by sku, at most `limit`.
class FakeCatalog final : public core::CatalogView {
 public:
  // Adds or replaces a product (keyed by sku).
  FakeCatalog& add(domain::Product p);
  // Adds a product and its stock row in one call.
  FakeCatalog& add(domain::Product p, std::int64_t on_hand, std::int64_t reserved = 0);
  FakeCatalog& set_stock(std::string sku, std::int64_t on_hand, std::int64_t reserved = 0);
  FakeCatalog& add_nearby(domain::NearbyStock n);

  // How many times available_in_category was called (to check that a decision
  // does not query the catalog needlessly).
  [[nodiscard]] int category_queries() const { return category_queries_; }

  [[nodiscard]] std::optional<domain::Product> product(std::string_view sku) const override;
  [[nodiscard]] std::optional<domain::Stock> stock(std::string_view sku) const override;
  [[nodiscard]] std::vector<domain::NearbyStock> nearby(std::string_view sku) const override;
  [[nodiscard]] std::vector<core::StockedProduct> available_in_category(
      std::string_view category, std::string_view size, std::size_t limit) const override;

 private:
  std::map<std::string, domain::Product, std::less<>> products_;
  std::map<std::string, domain::Stock, std::less<>> stock_;
  std::vector<domain::NearbyStock> nearby_;
  mutable int category_queries_ = 0;
};

// A product with the fields decisions look at; the rest defaulted.
[[nodiscard]] domain::Product make_product(std::string sku, std::string category, std::string size,
                                           std::int64_t price_minor = 10000,
                                           std::vector<std::string> alternatives = {});

// A store-wide, non-personalized offer valid from a day before `now` to a week
// after it; tests set the fields they exercise.
[[nodiscard]] domain::Offer make_offer(std::string id, TimePoint now, int priority = 0);

}  // namespace witryna::test
