#pragma once
// The CatalogView port over the store's database.
//
// The port cannot carry errors: a storage failure reads as "absent" / empty
// and is counted in failures() (with the last error kept for logs).
// Threads: the thread that owns `db`; `db` must outlive the view.

#include <cstdint>
#include <optional>

#include "edge/core/ports/catalog_view.hpp"
#include "edge/core/result.hpp"
#include "edge/store/db/database.hpp"

namespace witryna::store {

class SqliteCatalogView final : public core::CatalogView {
 public:
  explicit SqliteCatalogView(Database& db) : db_(db) {}

  [[nodiscard]] std::optional<domain::Product> product(std::string_view sku) const override;
  [[nodiscard]] std::optional<domain::Stock> stock(std::string_view sku) const override;
  [[nodiscard]] std::vector<domain::NearbyStock> nearby(std::string_view sku) const override;
  [[nodiscard]] std::vector<domain::Product> available_in_category(
      std::string_view category, std::string_view size, std::size_t limit) const override;

  [[nodiscard]] std::int64_t failures() const { return failures_; }
  [[nodiscard]] const std::optional<Error>& last_error() const { return last_error_; }

 private:
  template <typename T>
  T value_or_note(Result<T> r) const;

  Database& db_;
  mutable std::int64_t failures_ = 0;
  mutable std::optional<Error> last_error_;
};

}  // namespace witryna::store
