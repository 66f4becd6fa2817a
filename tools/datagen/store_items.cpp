// Per-store streams: `stock` (some skus out of stock), `nearby` (coarse
// levels in the nearest stores), `reservations` (today's pickups with fitting
// rooms and discounts) and `codes` (hashes only; the clear codes are for the
// demo file).
#include <algorithm>
#include <array>
#include <cassert>
#include <string>

#include "edge/core/codes/app_code.hpp"
#include "edge/crypto/sha256.hpp"
#include "tools/datagen/rng.hpp"
#include "tools/datagen/world.hpp"

namespace witryna::datagen {

namespace {

constexpr std::array<std::string_view, 5> kStatuses = {"held", "ready", "picked_up", "cancelled",
                                                       "expired"};
constexpr std::array<int, 5> kStatusWeights = {40, 30, 15, 5, 10};

Json percent(int value) {
  return {{"type", "percent"}, {"value", value}};
}
Json amount(int value) {
  return {{"type", "amount"}, {"value", value}, {"currency", "PLN"}};
}

// codes.md's test vectors, so that the demo and the contract agree.
struct FixedCode {
  std::string_view data;  // 8 data symbols
  const char* scope;
  int amount_minor;  // 0: percent
  int percent;
  bool expired;
};
constexpr std::array<FixedCode, 4> kFixedCodes = {{
    {"7K3M9Q2D", "store", 5000, 0, false},
    {"A1B2C3D4", "store", 0, 15, true},
    {"HJKMNPQR", "brand", 3000, 0, false},
    {"ZZZZZZZZ", "brand", 10000, 0, false},  // above the default offline limit (5000)
}};

}  // namespace

StockLevel stock_of(const World& w, std::size_t sku_index) {
  if (sku_index == w.demo_sku) return {6, 1};
  Rng rng = Rng::of(w.seed, kind::kStock, sku_index);
  StockLevel level;
  if (rng.chance(0.12)) return level;  // out of stock
  level.on_hand = rng.between(1, 15);
  const double r = rng.unit();
  if (r < 0.03) {
    level.reserved = level.on_hand;  // all of it held for pickups
  } else if (r < 0.23) {
    level.reserved = rng.between(1, std::min<std::int64_t>(2, level.on_hand));
  }
  return level;
}

Json stock_item(const World& w, std::size_t sku_index) {
  const StockLevel level = stock_of(w, sku_index);
  Json item;
  item["sku"] = w.catalog->sku(sku_index);
  item["on_hand"] = level.on_hand;
  item["reserved"] = level.reserved;
  item["ver"] = Rng::of(w.seed, kind::kStock, sku_index + 0x7E57ULL).between(100, 2000);
  return item;
}

std::string nearby_level(const World& w, std::size_t sku_index, std::size_t nearby_index) {
  Rng rng = Rng::of(w.seed, kind::kNearby, sku_index * 16 + nearby_index);
  const std::array<int, 3> weights = {60, 20, 20};
  constexpr std::array<const char*, 3> kLevels = {"in", "low", "out"};
  return kLevels[rng.weighted(weights)];
}

Json nearby_item(const World& w, std::size_t sku_index, std::size_t nearby_index) {
  const NearbyStore& store = w.nearby.at(nearby_index);
  Json item;
  item["store"] = std::string(store.info->id);
  item["name"] = std::string(store.info->name);
  item["distance_m"] = store.distance_m;
  item["sku"] = w.catalog->sku(sku_index);
  item["level"] = nearby_level(w, sku_index, nearby_index);
  item["ver"] =
      Rng::of(w.seed, kind::kNearby, sku_index * 16 + nearby_index + 0xABCDULL).between(1, 500);
  return item;
}

std::string reservation_id(std::size_t index) {
  return "R-" + std::to_string(9000 + index);
}

Json reservation_item(const World& w, std::size_t index) {
  Rng rng = Rng::of(w.seed, kind::kReservation, index);
  const bool demo = index == 1;
  const std::string status(demo ? "ready" : kStatuses[rng.weighted(kStatusWeights)]);
  const auto customer =
      demo ? w.demo_full_consent
           : static_cast<std::size_t>(rng.between(1, static_cast<std::int64_t>(w.customers)));
  const auto sku = demo ? w.demo_sku : static_cast<std::size_t>(rng.below(w.catalog->size()));
  const bool open = status == "held" || status == "ready";
  // Open reservations are held until later today; closed ones ended earlier.
  const TimePoint hold_until = open ? w.now + std::chrono::minutes(rng.between(60, 8 * 60))
                                    : w.now - std::chrono::minutes(rng.between(60, 5 * 24 * 60));
  Json item;
  item["reservation"] = reservation_id(index);
  item["customer"] = customer_id(customer);
  item["store"] = w.store;
  item["sku"] = w.catalog->sku(sku);
  item["qty"] = rng.chance(0.9) ? 1 : 2;
  item["status"] = status;
  item["hold_until"] = format_rfc3339(hold_until);
  if (demo) {
    item["fitting_room"] = "3";
  } else if ((status == "ready" && rng.chance(0.8)) || (status == "held" && rng.chance(0.3))) {
    item["fitting_room"] = std::to_string(rng.between(1, 6));
  }
  if (demo) {
    item["discount"] = percent(10);
  } else if (rng.chance(0.35)) {
    constexpr std::array<int, 3> kPercents = {5, 10, 15};
    item["discount"] = percent(rng.pick(kPercents));
  }
  item["ver"] = rng.between(1, 8);
  return item;
}

GeneratedCode code_item(const World& w, std::size_t index) {
  Rng rng = Rng::of(w.seed, kind::kCode, index);
  std::string data;
  std::string scope;
  Json benefit;
  bool expired = false;
  if (index >= 1 && index <= kFixedCodes.size()) {
    const FixedCode& fixed = kFixedCodes[index - 1];
    data = std::string(fixed.data);
    scope = fixed.scope;
    benefit = fixed.amount_minor > 0 ? amount(fixed.amount_minor) : percent(fixed.percent);
    expired = fixed.expired;
  } else {
    for (std::size_t k = 0; k < core::kAppCodeDataSymbols; ++k) {
      data.push_back(core::kCrockfordAlphabet[rng.below(core::kCrockfordAlphabet.size())]);
    }
    scope = rng.chance(0.6) ? "store" : "brand";
    if (rng.chance(0.7)) {
      constexpr std::array<int, 4> kAmounts = {2000, 3000, 5000, 10000};
      benefit = amount(rng.pick(kAmounts));
    } else {
      constexpr std::array<int, 3> kPercents = {10, 15, 20};
      benefit = percent(rng.pick(kPercents));
    }
    expired = rng.chance(0.2);
  }
  GeneratedCode code;
  auto made = core::make_app_code(data);
  assert(made && "8 symbols of the alphabet always make a code");
  code.normalized = *made;
  code.display = core::format_app_code(code.normalized);
  code.status = expired ? "expired" : "valid";
  const TimePoint valid_to = expired ? w.now - std::chrono::hours(rng.between(24, 30 * 24))
                                     : w.now + std::chrono::hours(rng.between(24, 60 * 24));
  const auto customer =
      index == 1 ? w.demo_full_consent
                 : static_cast<std::size_t>(rng.between(1, static_cast<std::int64_t>(w.customers)));
  Json item;
  item["code_hash"] = core::app_code_key(code.normalized, crypto::sha256_hex);
  item["benefit"] = std::move(benefit);
  item["customer"] = customer_id(customer);
  item["reason"] = std::string(rng.pick(code_reasons()));
  item["valid_to"] = format_rfc3339(valid_to);
  item["max_uses"] = rng.chance(0.9) || index <= kFixedCodes.size() ? 1 : 5;
  item["scope"] = scope;
  item["ver"] = rng.between(1, 5);
  code.item = std::move(item);
  return code;
}

}  // namespace witryna::datagen
