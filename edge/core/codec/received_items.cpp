#include "edge/core/codec/received_items.hpp"

#include <cassert>
#include <utility>

#include "edge/core/codec/catalog_codec.hpp"
#include "edge/core/codec/code_codec.hpp"
#include "edge/core/codec/profile_codec.hpp"
#include "edge/core/codec/reservation_codec.hpp"
#include "edge/core/codec/stock_codec.hpp"

namespace witryna::core {
namespace {

ReceivedItems empty_for(Stream stream) {
  switch (stream) {
    case Stream::kCatalog:
      return std::vector<Received<CatalogItem>>{};
    case Stream::kStock:
      return std::vector<Received<Item<domain::Stock>>>{};
    case Stream::kProfiles:
      return std::vector<Received<Item<domain::Profile>>>{};
    case Stream::kReservations:
      return std::vector<Received<Item<domain::Reservation>>>{};
    case Stream::kCodes:
      return std::vector<Received<Item<domain::CodeRecord>>>{};
    case Stream::kNearby:
      return std::vector<Received<Item<domain::NearbyStock>>>{};
  }
  return std::vector<Received<CatalogItem>>{};
}

bool is_tombstone(const CatalogItem& item) {
  return std::visit([](const auto& i) { return i.deleted; }, item);
}
template <typename T>
bool is_tombstone(const Item<T>& item) {
  return item.deleted;
}

Result<CatalogItem> parse(const nlohmann::json& j, const CatalogItem*) {
  return parse_catalog_item(j);
}
Result<Item<domain::Stock>> parse(const nlohmann::json& j, const Item<domain::Stock>*) {
  return parse_stock_item(j);
}
Result<Item<domain::Profile>> parse(const nlohmann::json& j, const Item<domain::Profile>*) {
  return parse_profile_item(j);
}
Result<Item<domain::Reservation>> parse(const nlohmann::json& j, const Item<domain::Reservation>*) {
  return parse_reservation_item(j);
}
Result<Item<domain::CodeRecord>> parse(const nlohmann::json& j, const Item<domain::CodeRecord>*) {
  return parse_code_item(j);
}
Result<Item<domain::NearbyStock>> parse(const nlohmann::json& j, const Item<domain::NearbyStock>*) {
  return parse_nearby_item(j);
}

// Rows of stock and nearby have columns only, no body.
bool keeps_text(Stream stream) {
  return stream != Stream::kStock && stream != Stream::kNearby;
}

}  // namespace

std::size_t ParsedItems::size() const {
  return std::visit([](const auto& v) { return v.size(); }, items);
}

ItemCollector::ItemCollector(Stream stream) : stream_(stream) {
  out_.items = empty_for(stream);
}

void ItemCollector::add(const nlohmann::json& item, std::string_view text) {
  std::visit(
      [&](auto& items) {
        using R = typename std::remove_cvref_t<decltype(items)>::value_type;
        using ItemT = decltype(R::item);
        auto parsed = parse(item, static_cast<const ItemT*>(nullptr));
        if (!parsed) {
          ++out_.rejected;
          if (!out_.first_rejection) out_.first_rejection = std::move(parsed.error());
          return;
        }
        std::string kept;
        if (keeps_text(stream_) && !is_tombstone(*parsed)) kept.assign(text);
        items.push_back(R{std::move(*parsed), std::move(kept)});
      },
      out_.items);
}

void ItemCollector::add(Item<domain::Profile> item, std::string_view text) {
  auto* items = std::get_if<std::vector<Received<Item<domain::Profile>>>>(&out_.items);
  assert(items != nullptr && "a profiles item for a collector of another stream");
  std::string kept;
  if (!item.deleted) kept.assign(text);
  items->push_back(Received<Item<domain::Profile>>{std::move(item), std::move(kept)});
}

void ItemCollector::reserve(std::size_t n) {
  std::visit([n](auto& items) { items.reserve(n); }, out_.items);
}

ParsedItems ItemCollector::take() && {
  return std::move(out_);
}

ParsedItems parse_items(Stream stream, const nlohmann::json& items) {
  ItemCollector collector(stream);
  if (!items.is_array()) return std::move(collector).take();
  collector.reserve(items.size());
  for (const auto& item : items) {
    if (!keeps_text(stream)) {
      collector.add(item, {});
      continue;
    }
    collector.add(item, item.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
  return std::move(collector).take();
}

}  // namespace witryna::core
