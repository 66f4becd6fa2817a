#pragma once

#include <cstdint>
#include <string>

#include "edge/core/time.hpp"

namespace witryna::domain {

struct Stock {
  std::string sku;
  std::int64_t on_hand = 0;
  std::int64_t reserved = 0;
  std::int64_t ver = 0;

  // available = on_hand − reserved, never below 0 (mqtt.md).
  [[nodiscard]] std::int64_t available() const {
    return on_hand > reserved ? on_hand - reserved : 0;
  }
  friend bool operator==(const Stock&, const Stock&) = default;
};

enum class NearbyLevel { kIn, kLow, kOut };
[[nodiscard]] const char* to_string(NearbyLevel l);

// Coarse stock of one sku in a nearby store. Key: (store, sku).
struct NearbyStock {
  std::string store;
  std::string name;
  std::int64_t distance_m = 0;
  std::string sku;
  NearbyLevel level = NearbyLevel::kOut;
  std::int64_t ver = 0;
  TimePoint as_of{};  // when this device received it (for "stale" marking)

  friend bool operator==(const NearbyStock&, const NearbyStock&) = default;
};

}  // namespace witryna::domain
