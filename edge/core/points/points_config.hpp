#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>

#include "edge/core/result.hpp"

namespace witryna::core {

// Points for a purchase: floor(amount_minor / unit_minor) × points_per_unit,
// times the tier multiplier, times the best applicable points offer.
struct PointsConfig {
  std::int64_t points_per_unit = 1;  // 1 point …
  std::int64_t unit_minor = 100;     // … per 1.00 of the currency
  // Tier name → multiplier; a tier not listed (or no tier) gets 1×.
  // Applied in thousandths (1.5 → 1500/1000), rounded down at the end.
  std::map<std::string, double, std::less<>> tier_multipliers = {{"gold", 2.0}, {"silver", 1.5}};
  // Only purchases in this currency accrue; empty: any currency.
  std::string currency;
};

[[nodiscard]] Result<PointsConfig> validate(const PointsConfig& config);

}  // namespace witryna::core
