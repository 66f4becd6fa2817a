#include "edge/core/ports/memoized_catalog.hpp"

namespace witryna::core {

namespace {

template <typename Map, typename Load>
const typename Map::mapped_type& remembered(Map& map, std::string_view key, Load load) {
  auto it = map.find(key);
  if (it == map.end()) it = map.emplace(std::string(key), load()).first;
  return it->second;
}

}  // namespace

const domain::Product* MemoizedCatalog::find_product(std::string_view sku) const {
  if (const auto it = listed_.find(sku); it != listed_.end()) return &it->second->product;
  return remembered(products_, sku, [&] { return inner_.shared_product(sku); }).get();
}

const domain::Stock* MemoizedCatalog::find_stock(std::string_view sku) const {
  if (const auto it = listed_.find(sku); it != listed_.end()) return &it->second->stock;
  const auto& s = remembered(stock_, sku, [&] { return inner_.stock(sku); });
  return s ? &*s : nullptr;
}

const std::vector<StockedProduct>& MemoizedCatalog::find_available(std::string_view category,
                                                                   std::string_view size,
                                                                   std::size_t limit) const {
  auto it = categories_.find(CategoryQuestion{category, size, limit});
  if (it == categories_.end()) {
    auto found = inner_.shared_available_in_category(category, size, limit);
    if (!found) found = std::make_shared<const std::vector<StockedProduct>>();
    it =
        categories_
            .emplace(CategoryKey{std::string(category), std::string(size), limit}, std::move(found))
            .first;
    // The answer carries these skus' products and stock: later questions
    // about them need not go to the store. (The shared answer is kept alive
    // by this memo and never modified.)
    for (const auto& item : *it->second) {
      listed_.try_emplace(item.product.sku, &item);
    }
  }
  return *it->second;
}

std::optional<domain::Product> MemoizedCatalog::product(std::string_view sku) const {
  const auto* p = find_product(sku);
  return p != nullptr ? std::optional<domain::Product>(*p) : std::nullopt;
}

std::optional<domain::Stock> MemoizedCatalog::stock(std::string_view sku) const {
  const auto* s = find_stock(sku);
  return s != nullptr ? std::optional<domain::Stock>(*s) : std::nullopt;
}

std::vector<domain::NearbyStock> MemoizedCatalog::nearby(std::string_view sku) const {
  return remembered(nearby_, sku, [&] { return inner_.nearby(sku); });
}

std::vector<StockedProduct> MemoizedCatalog::available_in_category(std::string_view category,
                                                                   std::string_view size,
                                                                   std::size_t limit) const {
  return find_available(category, size, limit);
}

}  // namespace witryna::core
