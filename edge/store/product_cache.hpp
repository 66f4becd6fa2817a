#pragma once
// Products parsed from their stored JSON bodies, kept by sku.
//
// Parsing a body costs far more than reading its row, and a decision reads
// the same few hundred products scan after scan. An entry is used only while
// the row still holds the same `ver` and the very same body, so a change in
// the table can never be served stale: there is nothing to invalidate.
// Bounded: past `capacity` entries an arbitrary one makes room.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "edge/core/domain/catalog.hpp"
#include "edge/core/result.hpp"

namespace witryna::store {

class ProductCache {
 public:
  static constexpr std::size_t kDefaultCapacity = 4096;

  explicit ProductCache(std::size_t capacity = kDefaultCapacity);

  // The product stored as `body` at `ver`; parsed only when not remembered.
  // A damaged body is a kStorage error (and is not remembered).
  [[nodiscard]] Result<domain::Product> product(std::string_view sku, std::int64_t ver,
                                                std::string_view body);

  [[nodiscard]] std::size_t size() const { return entries_.size(); }
  [[nodiscard]] std::int64_t parses() const { return parses_; }

 private:
  struct Entry {
    std::int64_t ver = 0;
    std::string body;
    domain::Product product;
  };
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };

  std::size_t capacity_;
  std::unordered_map<std::string, Entry, Hash, std::equal_to<>> entries_;
  std::int64_t parses_ = 0;
};

}  // namespace witryna::store
