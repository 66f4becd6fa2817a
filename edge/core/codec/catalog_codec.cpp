#include "edge/core/codec/catalog_codec.hpp"

#include "edge/core/codec/benefit_codec.hpp"
#include "edge/core/codec/field_reader.hpp"

namespace witryna::core {
namespace {

constexpr std::string_view kProduct = "product";
constexpr std::string_view kOffer = "offer";

Item<domain::Product> read_product(FieldReader& r) {
  Item<domain::Product> item;
  auto& p = item.value;
  item.deleted = r.boolean_or("deleted", false);
  p.sku = r.string("sku");
  p.ver = r.integer("ver");
  if (item.deleted) return item;
  p.product = r.string_or("product");
  p.name = r.string("name");
  p.size = r.string_or("size");
  p.color = r.string_or("color");
  p.category = r.string("category");
  p.price_minor = r.integer("price_minor");
  p.currency = r.string("currency");
  p.alternatives = r.strings_or_empty("alternatives");
  return item;
}

Item<domain::Offer> read_offer(FieldReader& r) {
  Item<domain::Offer> item;
  auto& o = item.value;
  item.deleted = r.boolean_or("deleted", false);
  o.offer = r.string("offer");
  o.ver = r.integer("ver");
  if (item.deleted) return item;
  o.title = r.string("title");
  o.body = r.string_or("body");
  o.benefit = read_benefit(r.object("benefit"));
  o.category = r.string_or("category");
  o.skus = r.strings_or_empty("skus");
  o.segments = r.strings_or_empty("segments");
  o.tiers = r.strings_or_empty("tiers");
  o.personalized = r.boolean_or("personalized", false);
  o.valid_from = r.time("valid_from");
  o.valid_to = r.time("valid_to");
  o.max_per_day = r.small_integer_or("max_per_day", 0);
  o.priority = r.small_integer_or("priority", 0);
  return item;
}

// Reads `kind` and checks it is `expected`; false (error recorded) otherwise.
bool check_kind(FieldReader& r, std::string_view expected) {
  const auto kind = r.string("kind");
  if (!r.ok()) return false;
  if (kind != expected) {
    r.fail(errc::kInvalidValue, "kind");
    return false;
  }
  return true;
}

nlohmann::json tombstone(std::string_view kind, std::string_view key_name, const std::string& key,
                         std::int64_t ver) {
  return {{"kind", kind}, {key_name, key}, {"ver", ver}, {"deleted", true}};
}

}  // namespace

Result<CatalogItem> parse_catalog_item(const nlohmann::json& j) {
  FieldReader r(j);
  const auto kind = r.string("kind");
  if (!r.ok()) return tl::unexpected(*r.error());
  if (kind == kProduct) return finish<CatalogItem>(r, read_product(r));
  if (kind == kOffer) return finish<CatalogItem>(r, read_offer(r));
  return fail(std::string(errc::kInvalidValue), "kind");
}

Result<Item<domain::Product>> parse_product_item(const nlohmann::json& j) {
  FieldReader r(j);
  if (!check_kind(r, kProduct)) return tl::unexpected(*r.error());
  return finish(r, read_product(r));
}

Result<Item<domain::Offer>> parse_offer_item(const nlohmann::json& j) {
  FieldReader r(j);
  if (!check_kind(r, kOffer)) return tl::unexpected(*r.error());
  return finish(r, read_offer(r));
}

nlohmann::json to_json(const domain::Product& p) {
  return {{"kind", kProduct},
          {"sku", p.sku},
          {"product", p.product},
          {"name", p.name},
          {"size", p.size},
          {"color", p.color},
          {"category", p.category},
          {"price_minor", p.price_minor},
          {"currency", p.currency},
          {"alternatives", p.alternatives},
          {"ver", p.ver}};
}

nlohmann::json to_json(const domain::Offer& o) {
  return {{"kind", kOffer},
          {"offer", o.offer},
          {"title", o.title},
          {"body", o.body},
          {"benefit", to_json(o.benefit)},
          {"category", o.category},
          {"skus", o.skus},
          {"segments", o.segments},
          {"tiers", o.tiers},
          {"personalized", o.personalized},
          {"valid_from", format_rfc3339(o.valid_from)},
          {"valid_to", format_rfc3339(o.valid_to)},
          {"max_per_day", o.max_per_day},
          {"priority", o.priority},
          {"ver", o.ver}};
}

nlohmann::json to_json(const Item<domain::Product>& item) {
  if (item.deleted) return tombstone(kProduct, "sku", item.value.sku, item.value.ver);
  return to_json(item.value);
}

nlohmann::json to_json(const Item<domain::Offer>& item) {
  if (item.deleted) return tombstone(kOffer, "offer", item.value.offer, item.value.ver);
  return to_json(item.value);
}

nlohmann::json to_json(const CatalogItem& item) {
  return std::visit([](const auto& i) { return to_json(i); }, item);
}

}  // namespace witryna::core
