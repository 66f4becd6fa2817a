#include "edge/core/codec/product_text_reader.hpp"

#include <utility>

#include "edge/core/codec/plain_json_reader.hpp"

namespace witryna::core {

std::optional<Item<domain::Product>> read_plain_product(std::string_view text) {
  plain_json::PlainReader in(text);
  Item<domain::Product> item;
  auto& p = item.value;
  std::string_view kind;
  plain_json::Seen seen;
  const bool ok = in.object([&](std::string_view key) {
    if (key == "kind") return seen.first(0) && in.string(kind);
    if (key == "sku") return seen.first(1) && in.string(p.sku);
    if (key == "ver") return seen.first(2) && in.integer(p.ver);
    if (key == "deleted") return seen.first(3) && in.boolean(item.deleted);
    if (key == "product") return seen.first(4) && in.string(p.product);
    if (key == "name") return seen.first(5) && in.string(p.name);
    if (key == "size") return seen.first(6) && in.string(p.size);
    if (key == "color") return seen.first(7) && in.string(p.color);
    if (key == "category") return seen.first(8) && in.string(p.category);
    if (key == "price_minor") return seen.first(9) && in.integer(p.price_minor);
    if (key == "currency") return seen.first(10) && in.string(p.currency);
    if (key == "alternatives") return seen.first(11) && in.strings(p.alternatives);
    return false;
  });
  if (!ok || !in.at_end() || kind != "product" || !seen.has(1) || !seen.has(2)) {
    return std::nullopt;
  }
  if (item.deleted) {
    // parse_product_item reads nothing past sku and ver of a tombstone.
    domain::Product kept;
    kept.sku = std::move(p.sku);
    kept.ver = p.ver;
    p = std::move(kept);
    return item;
  }
  // Required of a live product: name, category, price_minor, currency.
  if (!seen.has(5) || !seen.has(8) || !seen.has(9) || !seen.has(10)) return std::nullopt;
  return item;
}

}  // namespace witryna::core
