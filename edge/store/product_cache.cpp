#include "edge/store/product_cache.hpp"

#include <cassert>
#include <utility>

#include "edge/core/codec/catalog_codec.hpp"
#include "edge/core/codec/product_text_reader.hpp"
#include "edge/store/json_text.hpp"

namespace witryna::store {

namespace {

Result<core::Item<domain::Product>> parse_body(std::string_view body) {
  if (auto plain = core::read_plain_product(body)) return std::move(*plain);
  auto json = parse_json(body);
  if (!json) return fail(std::string(errc::kStorage), "products: damaged body");
  auto item = core::parse_product_item(*json);
  if (!item) {
    return fail(std::string(errc::kStorage),
                "products: damaged body (" + item.error().context + ")");
  }
  return std::move(*item);
}

}  // namespace

ProductCache::ProductCache(std::size_t capacity) : capacity_(capacity) {
  assert(capacity_ > 0);
}

Result<domain::Product> ProductCache::product(std::string_view sku, std::int64_t ver,
                                              std::string_view body) {
  if (const auto it = entries_.find(sku);
      it != entries_.end() && it->second.ver == ver && it->second.body == body) {
    return it->second.product;
  }
  ++parses_;
  // The codec's own bodies take the fast reader; anything else the full
  // parser, which decides exactly as before (product_text_reader.hpp).
  auto item = parse_body(body);
  if (!item) return tl::unexpected(item.error());
  if (auto it = entries_.find(sku); it != entries_.end()) {
    it->second = Entry{ver, std::string(body), item->value};
  } else {
    if (entries_.size() >= capacity_) entries_.erase(entries_.begin());
    entries_.emplace(std::string(sku), Entry{ver, std::string(body), item->value});
  }
  return std::move(item->value);
}

}  // namespace witryna::store
