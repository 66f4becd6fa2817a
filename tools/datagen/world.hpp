#pragma once
// What every item generator needs to know about the brand being generated.
// Each `*_item` function is pure: (world, index) → one stream item exactly as
// mqtt.md specifies it, the same for the same seed.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "edge/core/time.hpp"
#include "tools/datagen/brand_data.hpp"
#include "tools/datagen/catalog.hpp"

namespace witryna::datagen {

struct NearbyStore {
  const StoreInfo* info = nullptr;
  std::int64_t distance_m = 0;
};

struct World {
  std::uint64_t seed = 1;
  TimePoint now{};
  std::string store;
  const Catalog* catalog = nullptr;
  std::size_t customers = 0;                // customers are numbered 1..customers
  std::size_t demo_full_consent = 0;        // customer index: every consent given
  std::size_t demo_no_personalization = 0;  // customer index: personalization refused
  std::size_t demo_sku = 0;                 // a dress in stock here (variant index)
  std::vector<NearbyStore> nearby;          // nearest other stores, nearest first
};

// The card the demo customer with every consent carries (codes.md's example).
inline constexpr const char* kDemoCard = "2900000123458";

// "C-000123"
[[nodiscard]] std::string customer_id(std::size_t index);
// A valid brand card (prefix 29, GS1 check digit): 29 + 9-digit customer
// number + card sequence digit + check. Sequence 0 is the first card.
[[nodiscard]] std::string card_number(std::size_t customer, int sequence);
// A valid brand card that no customer holds (for "unknown card").
[[nodiscard]] std::string unknown_card();
// The cards of a customer as profile_item writes them.
[[nodiscard]] std::vector<std::string> cards_of(const World& world, std::size_t customer);

[[nodiscard]] Json profile_item(const World& world, std::size_t customer);
[[nodiscard]] Json offer_item(const World& world, std::size_t index);

struct StockLevel {
  std::int64_t on_hand = 0;
  std::int64_t reserved = 0;
  [[nodiscard]] std::int64_t available() const {
    return on_hand > reserved ? on_hand - reserved : 0;
  }
};
[[nodiscard]] StockLevel stock_of(const World& world, std::size_t sku_index);
[[nodiscard]] Json stock_item(const World& world, std::size_t sku_index);
[[nodiscard]] std::string nearby_level(const World& world, std::size_t sku_index,
                                       std::size_t nearby_index);
[[nodiscard]] Json nearby_item(const World& world, std::size_t sku_index, std::size_t nearby_index);
// Reservations are numbered from 1 (R-9001 is number 1: ready for the demo customer).
[[nodiscard]] std::string reservation_id(std::size_t index);
[[nodiscard]] Json reservation_item(const World& world, std::size_t index);

// Codes are numbered from 1; the first four are codes.md's test vectors.
struct GeneratedCode {
  std::string normalized;  // 9 symbols
  std::string display;     // XXXX-XXXX-C
  std::string status;      // "valid" or "expired" at world.now
  Json item;               // the `codes` stream item (code_hash, never the code)
};
[[nodiscard]] GeneratedCode code_item(const World& world, std::size_t index);

}  // namespace witryna::datagen
