#pragma once
// The items of one stream message, parsed with their stream's codec, each
// kept together with its JSON text as it came: the store writes that text as
// the row's body (the item parsers read it back) instead of serializing the
// parsed value again. Malformed items are counted, not kept (mqtt.md: a bad
// item is rejected, the others still apply).

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "edge/core/codec/item.hpp"
#include "edge/core/codec/stream.hpp"
#include "edge/core/domain/code.hpp"
#include "edge/core/domain/profile.hpp"
#include "edge/core/domain/reservation.hpp"
#include "edge/core/domain/stock.hpp"
#include "edge/core/result.hpp"

namespace witryna::core {

template <typename ItemT>
struct Received {
  ItemT item;
  // The item's JSON text; empty for a tombstone and on the streams whose
  // rows keep no body (stock, nearby).
  std::string text;
};

using ReceivedItems =
    std::variant<std::vector<Received<CatalogItem>>, std::vector<Received<Item<domain::Stock>>>,
                 std::vector<Received<Item<domain::Profile>>>,
                 std::vector<Received<Item<domain::Reservation>>>,
                 std::vector<Received<Item<domain::CodeRecord>>>,
                 std::vector<Received<Item<domain::NearbyStock>>>>;

struct ParsedItems {
  ReceivedItems items;
  std::int64_t rejected = 0;             // items the codec refused
  std::optional<Error> first_rejection;  // field path only, never a value

  // The good items.
  [[nodiscard]] std::size_t size() const;
};

// Collects one message's items in order.
class ItemCollector {
 public:
  explicit ItemCollector(Stream stream);
  // `text` is `item`'s JSON text (kept only where the stream stores a body).
  void add(const nlohmann::json& item, std::string_view text);
  // A `profiles` item already read (profile_text_reader.hpp); the collector
  // must be of that stream.
  void add(Item<domain::Profile> item, std::string_view text);
  void reserve(std::size_t items);
  [[nodiscard]] ParsedItems take() &&;

 private:
  Stream stream_;
  ParsedItems out_;
};

// Every element of a JSON array (as Envelope::items); the text of each is
// its compact dump.
[[nodiscard]] ParsedItems parse_items(Stream stream, const nlohmann::json& items);

}  // namespace witryna::core
