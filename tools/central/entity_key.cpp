#include "tools/central/entity_key.hpp"

namespace witryna::central {

namespace {

std::optional<std::string> text(const Json& item, const char* field) {
  const auto it = item.find(field);
  if (it == item.end() || !it->is_string() || it->get_ref<const std::string&>().empty()) {
    return std::nullopt;
  }
  return it->get<std::string>();
}

}  // namespace

std::optional<std::string> entity_key(Stream stream, const Json& item) {
  if (!item.is_object()) return std::nullopt;
  switch (stream) {
    case Stream::kCatalog: {
      const auto kind = text(item, "kind");
      if (kind == "product") {
        if (auto sku = text(item, "sku")) return "product:" + *sku;
      } else if (kind == "offer") {
        if (auto offer = text(item, "offer")) return "offer:" + *offer;
      }
      return std::nullopt;
    }
    case Stream::kStock:
      return text(item, "sku");
    case Stream::kProfiles:
      return text(item, "customer");
    case Stream::kReservations:
      return text(item, "reservation");
    case Stream::kCodes:
      return text(item, "code_hash");
    case Stream::kNearby: {
      auto store = text(item, "store");
      auto sku = text(item, "sku");
      if (!store || !sku) return std::nullopt;
      return *store + "/" + *sku;
    }
  }
  return std::nullopt;
}

std::int64_t item_ver(const Json& item) {
  if (!item.is_object()) return 0;
  const auto it = item.find("ver");
  if (it == item.end() || !it->is_number_integer()) return 0;
  return it->get<std::int64_t>();
}

bool is_deleted(const Json& item) {
  if (!item.is_object()) return false;
  const auto it = item.find("deleted");
  return it != item.end() && it->is_boolean() && it->get<bool>();
}

}  // namespace witryna::central
