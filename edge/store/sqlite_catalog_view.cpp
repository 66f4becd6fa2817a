#include "edge/store/sqlite_catalog_view.hpp"

#include "edge/store/entities.hpp"

namespace witryna::store {

template <typename T>
T SqliteCatalogView::value_or_note(Result<T> r) const {
  if (r) return std::move(*r);
  ++failures_;
  last_error_ = r.error();
  return T{};
}

std::optional<domain::Product> SqliteCatalogView::product(std::string_view sku) const {
  return value_or_note(load_product(db_, sku));
}

std::optional<domain::Stock> SqliteCatalogView::stock(std::string_view sku) const {
  return value_or_note(load_stock(db_, sku));
}

std::vector<domain::NearbyStock> SqliteCatalogView::nearby(std::string_view sku) const {
  return value_or_note(load_nearby(db_, sku));
}

std::vector<domain::Product> SqliteCatalogView::available_in_category(std::string_view category,
                                                                      std::string_view size,
                                                                      std::size_t limit) const {
  return value_or_note(load_available_in_category(db_, category, size, limit));
}

}  // namespace witryna::store
