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

std::optional<domain::Product> MemoizedCatalog::product(std::string_view sku) const {
  return remembered(products_, sku, [&] { return inner_.product(sku); });
}

std::optional<domain::Stock> MemoizedCatalog::stock(std::string_view sku) const {
  return remembered(stock_, sku, [&] { return inner_.stock(sku); });
}

std::vector<domain::NearbyStock> MemoizedCatalog::nearby(std::string_view sku) const {
  return remembered(nearby_, sku, [&] { return inner_.nearby(sku); });
}

std::vector<domain::Product> MemoizedCatalog::available_in_category(std::string_view category,
                                                                    std::string_view size,
                                                                    std::size_t limit) const {
  CategoryKey key{std::string(category), std::string(size), limit};
  auto it = categories_.find(key);
  if (it == categories_.end()) {
    auto found = inner_.available_in_category(category, size, limit);
    it = categories_.emplace(std::move(key), std::move(found)).first;
  }
  return it->second;
}

}  // namespace witryna::core
