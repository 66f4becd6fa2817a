#pragma once
// The CatalogView port over the store's database.
//
// The port cannot carry errors: a storage failure reads as "absent" / empty
// and is counted in failures() (with the last error kept for logs).
// Threads: the thread that owns `db`; `db` must outlive the view.
//
// Category answers are kept while the catalog and stock streams' generation
// stays the same (stream_generation.hpp), and product bodies are parsed once
// per version (product_cache.hpp): a scan asks the same questions as the one
// before it, and only a stream change can change the answers.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "edge/core/ports/catalog_view.hpp"
#include "edge/core/result.hpp"
#include "edge/store/db/database.hpp"
#include "edge/store/product_cache.hpp"

namespace witryna::store {

class SqliteCatalogView final : public core::CatalogView {
 public:
  explicit SqliteCatalogView(Database& db) : db_(db) {}

  [[nodiscard]] std::optional<domain::Product> product(std::string_view sku) const override;
  [[nodiscard]] std::optional<domain::Stock> stock(std::string_view sku) const override;
  [[nodiscard]] std::vector<domain::NearbyStock> nearby(std::string_view sku) const override;
  [[nodiscard]] std::vector<core::StockedProduct> available_in_category(
      std::string_view category, std::string_view size, std::size_t limit) const override;

  [[nodiscard]] std::int64_t failures() const { return failures_; }
  [[nodiscard]] const std::optional<Error>& last_error() const { return last_error_; }
  // How many product bodies were parsed (the rest came from the cache).
  [[nodiscard]] std::int64_t product_parses() const { return products_.parses(); }
  // How many category questions went to the database.
  [[nodiscard]] std::int64_t category_queries() const { return category_queries_; }
  // How many product / stock / nearby questions went to the database.
  [[nodiscard]] std::int64_t point_queries() const { return point_queries_; }

  static constexpr std::size_t kMaxCategoryAnswers = 1024;

 private:
  template <typename T>
  T value_or_note(Result<T> r) const;
  [[nodiscard]] Result<std::optional<domain::Product>> load_product(std::string_view sku) const;
  [[nodiscard]] Result<std::vector<core::StockedProduct>> load_available(std::string_view category,
                                                                         std::string_view size,
                                                                         std::size_t limit) const;

  using CategoryKey = std::tuple<std::string, std::string, std::size_t>;
  using CategoryQuestion = std::tuple<std::string_view, std::string_view, std::size_t>;

  Database& db_;
  mutable ProductCache products_;
  mutable std::int64_t answers_generation_ = -1;
  mutable std::map<CategoryKey, std::vector<core::StockedProduct>, std::less<>> answers_;
  mutable std::int64_t category_queries_ = 0;
  mutable std::int64_t point_queries_ = 0;
  mutable std::int64_t failures_ = 0;
  mutable std::optional<Error> last_error_;
};

}  // namespace witryna::store
