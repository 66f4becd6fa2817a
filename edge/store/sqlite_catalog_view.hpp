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
//
// Answers about one sku (product, stock, nearby) are kept only while the
// database is provably unchanged since they were read: the connection's
// DataStamp (db/database.hpp) is the same, which any commit of any
// connection or process moves (a hand repair included), and so does a write
// of this connection not yet committed. They are used only inside a read
// transaction (where the stamp is current); outside one every question goes
// to the database. A caller whose own writes touch no product, stock or
// nearby row says so with keep_answers_across_own_writes(), so that they and
// their commit do not throw the answers away.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
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
  // What is kept, not a copy (the port's shared_* questions).
  [[nodiscard]] std::shared_ptr<const domain::Product> shared_product(
      std::string_view sku) const override;
  [[nodiscard]] std::shared_ptr<const std::vector<core::StockedProduct>>
  shared_available_in_category(std::string_view category, std::string_view size,
                               std::size_t limit) const override;

  // The stamp to pass to keep_answers_across_own_writes(): take it inside the
  // transaction, before it writes anything (nullopt: none can be taken).
  [[nodiscard]] std::optional<DataStamp> stamp_before_own_writes() const;
  // After the caller's own writes since `before` (inside its write
  // transaction, or that transaction's commit, called right after it: no other
  // connection can commit while a write transaction is open), none of which
  // touched a product, stock or nearby row: answers that held at `before`
  // still hold. Returns the stamp to pass for the caller's next writes.
  std::optional<DataStamp> keep_answers_across_own_writes(const std::optional<DataStamp>& before);

  [[nodiscard]] std::int64_t failures() const { return failures_; }
  [[nodiscard]] const std::optional<Error>& last_error() const { return last_error_; }
  // How many product bodies were parsed (the rest came from the cache).
  [[nodiscard]] std::int64_t product_parses() const { return products_.parses(); }
  // How many category questions went to the database.
  [[nodiscard]] std::int64_t category_queries() const { return category_queries_; }
  // How many product / stock / nearby questions went to the database.
  [[nodiscard]] std::int64_t point_queries() const { return point_queries_; }

  static constexpr std::size_t kMaxCategoryAnswers = 1024;
  // Sku answers kept: the offers' own skus (asked every scan) and the recent
  // skus of the last customers. Past this they are all dropped at once.
  static constexpr std::size_t kMaxSkuAnswers = 2048;

 private:
  template <typename T>
  T value_or_note(Result<T> r) const;
  [[nodiscard]] Result<std::optional<domain::Product>> load_product(std::string_view sku) const;
  [[nodiscard]] Result<std::vector<core::StockedProduct>> load_available(std::string_view category,
                                                                         std::string_view size,
                                                                         std::size_t limit) const;

  using CategoryKey = std::tuple<std::string, std::string, std::size_t>;
  using CategoryQuestion = std::tuple<std::string_view, std::string_view, std::size_t>;

  // What is known of one sku; an empty optional: not asked yet.
  struct SkuAnswers {
    std::optional<std::shared_ptr<const domain::Product>> product;  // null: none
    std::optional<std::optional<domain::Stock>> stock;
    std::optional<std::vector<domain::NearbyStock>> nearby;
  };
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  // The kept answers of `sku` (created empty), or null when none may be used
  // now (no read transaction, or the stamp cannot be read).
  [[nodiscard]] SkuAnswers* sku_answers(std::string_view sku) const;
  // The catalog + stock generation, read again only when the stamp moved.
  [[nodiscard]] Result<std::int64_t> generation() const;

  Database& db_;
  mutable ProductCache products_;
  mutable std::optional<DataStamp> kept_stamp_;
  mutable std::unordered_map<std::string, SkuAnswers, Hash, std::equal_to<>> skus_;
  // The stamp at which answers_generation_ was read: while it holds, the
  // generation needs no query.
  mutable std::optional<DataStamp> generation_stamp_;
  mutable std::int64_t answers_generation_ = -1;
  mutable std::map<CategoryKey, std::shared_ptr<const std::vector<core::StockedProduct>>,
                   std::less<>>
      answers_;
  mutable std::int64_t category_queries_ = 0;
  mutable std::int64_t point_queries_ = 0;
  mutable std::int64_t failures_ = 0;
  mutable std::optional<Error> last_error_;
};

}  // namespace witryna::store
