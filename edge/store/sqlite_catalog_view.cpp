#include "edge/store/sqlite_catalog_view.hpp"

#include <algorithm>
#include <cstdint>

#include "edge/store/db/sql.hpp"
#include "edge/store/entities.hpp"
#include "edge/store/stream_generation.hpp"

namespace witryna::store {

template <typename T>
T SqliteCatalogView::value_or_note(Result<T> r) const {
  if (r) return std::move(*r);
  ++failures_;
  last_error_ = r.error();
  return T{};
}

Result<std::optional<domain::Product>> SqliteCatalogView::load_product(std::string_view sku) const {
  auto q = query(db_, "SELECT ver, body FROM products WHERE sku = ?1 AND deleted = 0", sku);
  if (!q) return tl::unexpected(q.error());
  auto row = (*q)->step();
  if (!row) return tl::unexpected(row.error());
  if (!*row) return std::optional<domain::Product>();
  auto p = products_.product(sku, (*q)->column_int(0), (*q)->column_view(1));
  if (!p) return tl::unexpected(p.error());
  return std::optional<domain::Product>(std::move(*p));
}

Result<std::vector<core::StockedProduct>> SqliteCatalogView::load_available(
    std::string_view category, std::string_view size, std::size_t limit) const {
  // Two statements so each uses its own partial index in sku order and stops
  // after `limit` hits.
  static constexpr std::string_view kAnySize =
      "SELECT p.sku, p.ver, p.body, s.on_hand, s.reserved, s.ver "
      "FROM products p INDEXED BY products_by_category "
      "JOIN stock s ON s.sku = p.sku "
      "WHERE p.category = ?1 AND p.deleted = 0 "
      "AND s.deleted = 0 AND s.on_hand > s.reserved "
      "ORDER BY p.sku LIMIT ?2";
  static constexpr std::string_view kOneSize =
      "SELECT p.sku, p.ver, p.body, s.on_hand, s.reserved, s.ver "
      "FROM products p INDEXED BY products_by_category_size "
      "JOIN stock s ON s.sku = p.sku "
      "WHERE p.category = ?1 AND p.size = ?3 AND p.deleted = 0 "
      "AND s.deleted = 0 AND s.on_hand > s.reserved "
      "ORDER BY p.sku LIMIT ?2";
  const auto n = static_cast<std::int64_t>(std::min<std::size_t>(limit, INT64_MAX));
  auto q =
      size.empty() ? query(db_, kAnySize, category, n) : query(db_, kOneSize, category, n, size);
  if (!q) return tl::unexpected(q.error());
  auto& stmt = **q;
  std::vector<core::StockedProduct> out;
  for (;;) {
    auto row = stmt.step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) break;
    const auto sku = stmt.column_view(0);
    auto product = products_.product(sku, stmt.column_int(1), stmt.column_view(2));
    if (!product) return tl::unexpected(product.error());
    domain::Stock stock;
    stock.sku = std::string(sku);
    stock.on_hand = stmt.column_int(3);
    stock.reserved = stmt.column_int(4);
    stock.ver = stmt.column_int(5);
    out.push_back({std::move(*product), std::move(stock)});
  }
  return out;
}

std::optional<DataStamp> SqliteCatalogView::stamp_before_own_writes() const {
  if (!db_.in_read_transaction()) return std::nullopt;
  return db_.data_stamp();
}

std::optional<DataStamp> SqliteCatalogView::keep_answers_across_own_writes(
    const std::optional<DataStamp>& before) {
  if (!before) return std::nullopt;
  // Not brought up to date by a read: after a commit the version counts this
  // connection's commit only; another connection's later commit moves it at
  // the next read (and the kept answers are dropped then).
  const auto after = db_.data_stamp();
  if (kept_stamp_ == before) kept_stamp_ = after;
  if (generation_stamp_ == before) generation_stamp_ = after;
  return after;
}

SqliteCatalogView::SkuAnswers* SqliteCatalogView::sku_answers(std::string_view sku) const {
  if (!db_.in_read_transaction()) return nullptr;
  const auto now = db_.data_stamp();
  if (!now) return nullptr;
  if (now != kept_stamp_) {
    skus_.clear();
    kept_stamp_ = now;
  }
  auto it = skus_.find(sku);
  if (it == skus_.end()) {
    if (skus_.size() >= kMaxSkuAnswers) skus_.clear();
    it = skus_.emplace(std::string(sku), SkuAnswers{}).first;
  }
  return &it->second;
}

std::shared_ptr<const domain::Product> SqliteCatalogView::shared_product(
    std::string_view sku) const {
  auto* kept = sku_answers(sku);
  if (kept != nullptr && kept->product) return *kept->product;
  ++point_queries_;
  auto found = load_product(sku);
  if (!found) {
    value_or_note(std::move(found));  // a failure is not kept
    return nullptr;
  }
  auto shared = *found ? std::make_shared<const domain::Product>(std::move(**found)) : nullptr;
  if (kept != nullptr) kept->product = shared;
  return shared;
}

std::optional<domain::Product> SqliteCatalogView::product(std::string_view sku) const {
  auto p = shared_product(sku);
  return p ? std::optional<domain::Product>(*p) : std::nullopt;
}

std::optional<domain::Stock> SqliteCatalogView::stock(std::string_view sku) const {
  auto* kept = sku_answers(sku);
  if (kept != nullptr && kept->stock) return *kept->stock;
  ++point_queries_;
  auto found = store::load_stock(db_, sku);
  if (!found) return value_or_note(std::move(found));
  if (kept != nullptr) kept->stock = *found;
  return std::move(*found);
}

std::vector<domain::NearbyStock> SqliteCatalogView::nearby(std::string_view sku) const {
  auto* kept = sku_answers(sku);
  if (kept != nullptr && kept->nearby) return *kept->nearby;
  ++point_queries_;
  auto found = store::load_nearby(db_, sku);
  if (!found) return value_or_note(std::move(found));
  if (kept != nullptr) kept->nearby = *found;
  return std::move(*found);
}

Result<std::int64_t> SqliteCatalogView::generation() const {
  // The same stamp as when it was last read: the same counters.
  const auto now = db_.in_read_transaction() ? db_.data_stamp() : std::nullopt;
  if (now && now == generation_stamp_) return answers_generation_;
  generation_stamp_.reset();
  auto generation = catalog_and_stock_generation(db_);
  if (generation && now) generation_stamp_ = now;
  return generation;
}

std::vector<core::StockedProduct> SqliteCatalogView::available_in_category(
    std::string_view category, std::string_view size, std::size_t limit) const {
  auto found = shared_available_in_category(category, size, limit);
  return found ? *found : std::vector<core::StockedProduct>{};
}

std::shared_ptr<const std::vector<core::StockedProduct>>
SqliteCatalogView::shared_available_in_category(std::string_view category, std::string_view size,
                                                std::size_t limit) const {
  auto load = [&]() -> std::shared_ptr<const std::vector<core::StockedProduct>> {
    ++category_queries_;
    auto found = load_available(category, size, limit);
    if (!found) {
      value_or_note(std::move(found));
      return nullptr;  // read as empty; not kept
    }
    return std::make_shared<const std::vector<core::StockedProduct>>(std::move(*found));
  };
  auto generation = this->generation();
  if (!generation) {
    // Cannot tell whether the kept answers still hold: ask the database.
    answers_.clear();
    answers_generation_ = -1;
    return load();
  }
  if (*generation != answers_generation_) {
    answers_.clear();
    answers_generation_ = *generation;
  }
  if (const auto it = answers_.find(CategoryQuestion{category, size, limit});
      it != answers_.end()) {
    return it->second;
  }
  auto found = load();
  if (!found) return found;
  if (answers_.size() >= kMaxCategoryAnswers) answers_.clear();
  answers_.emplace(CategoryKey{std::string(category), std::string(size), limit}, found);
  return found;
}

}  // namespace witryna::store
