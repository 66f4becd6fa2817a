#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>

#include "edge/core/result.hpp"
#include "edge/core/time.hpp"

namespace witryna::core {

// Tunables of the offer decision. Fleet-settable: `max_on_screen`
// (offers.max_on_screen); the rest come from the local configuration file.
struct OfferConfig {
  std::size_t max_on_screen = 4;
  // Share of consenting customers (0..100) who get the generic ranking, so
  // the uplift of personalization can be measured.
  int control_group_percent = 0;
  // Nearby data older than this is shown with `stale: true` (screen-api.md).
  Millis nearby_stale_after = std::chrono::minutes(5);
  // available in 1..low_stock_max → level "low"; above → "in"; 0 → "out".
  std::int64_t low_stock_max = 2;
  // `limit` passed to CatalogView::available_in_category per query.
  std::size_t category_candidates = 8;
  std::size_t max_nearby = 3;
  std::size_t max_reasons = 3;
  // An affinity at or above this says "you like <category>".
  double affinity_threshold = 0.5;
  // An offer ending within this is told "ends soon".
  Millis ends_soon = std::chrono::hours(72);
};

// Checks ranges; the error context names the field for a field engineer.
[[nodiscard]] Result<OfferConfig> validate(const OfferConfig& config);

}  // namespace witryna::core
