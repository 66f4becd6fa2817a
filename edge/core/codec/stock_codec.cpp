#include "edge/core/codec/stock_codec.hpp"

#include "edge/core/codec/field_reader.hpp"

namespace witryna::core {

Result<Item<domain::Stock>> parse_stock_item(const nlohmann::json& j) {
  FieldReader r(j);
  Item<domain::Stock> item;
  auto& s = item.value;
  item.deleted = r.boolean_or("deleted", false);
  s.sku = r.string("sku");
  s.ver = r.integer("ver");
  if (!item.deleted) {
    s.on_hand = r.integer("on_hand");
    s.reserved = r.integer("reserved");
  }
  return finish(r, std::move(item));
}

nlohmann::json to_json(const domain::Stock& s) {
  return {{"sku", s.sku}, {"on_hand", s.on_hand}, {"reserved", s.reserved}, {"ver", s.ver}};
}

nlohmann::json to_json(const Item<domain::Stock>& item) {
  if (item.deleted) return {{"sku", item.value.sku}, {"ver", item.value.ver}, {"deleted", true}};
  return to_json(item.value);
}

std::optional<domain::NearbyLevel> nearby_level_from(std::string_view s) {
  if (s == "in") return domain::NearbyLevel::kIn;
  if (s == "low") return domain::NearbyLevel::kLow;
  if (s == "out") return domain::NearbyLevel::kOut;
  return std::nullopt;
}

Result<Item<domain::NearbyStock>> parse_nearby_item(const nlohmann::json& j) {
  FieldReader r(j);
  Item<domain::NearbyStock> item;
  auto& n = item.value;
  item.deleted = r.boolean_or("deleted", false);
  n.store = r.string("store");
  n.sku = r.string("sku");
  n.ver = r.integer("ver");
  if (!item.deleted) {
    n.name = r.string_or("name");
    n.distance_m = r.integer_or("distance_m", 0);
    const auto level = r.string("level");
    if (r.ok()) {
      if (const auto l = nearby_level_from(level)) {
        n.level = *l;
      } else {
        r.fail(errc::kInvalidValue, "level");
      }
    }
  }
  return finish(r, std::move(item));
}

nlohmann::json to_json(const domain::NearbyStock& n) {
  return {{"store", n.store},
          {"name", n.name},
          {"distance_m", n.distance_m},
          {"sku", n.sku},
          {"level", domain::to_string(n.level)},
          {"ver", n.ver}};
}

nlohmann::json to_json(const Item<domain::NearbyStock>& item) {
  if (item.deleted) {
    return {{"store", item.value.store},
            {"sku", item.value.sku},
            {"ver", item.value.ver},
            {"deleted", true}};
  }
  return to_json(item.value);
}

}  // namespace witryna::core
