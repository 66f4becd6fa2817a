#pragma once

#include <cstdint>

#include "edge/core/domain/benefit.hpp"

namespace witryna::core {

// fleet.md redemption.offline_*: what a device may grant for a `brand` code
// while central cannot confirm the claim. Defaults refuse everything offline.
struct OfflinePolicy {
  // Largest `amount` benefit (minor units) granted offline; 0 = never offline.
  std::int64_t max_value_minor = 0;
  // Offline brand redemptions this device may grant per hour; 0 = none.
  int max_per_hour = 0;
};

// Whether a brand code with `benefit` may be redeemed without central's word.
// `granted_last_hour`: offline brand redemptions this device granted in the
// hour before now (the caller counts them from its own records).
//
// Safer reading for benefits that are not money: only an `amount` can be
// compared with max_value_minor. A `percent` benefit's money value depends on
// the basket and is unbounded, and a `points` multiplier likewise, so both
// always need online confirmation. A negative amount is refused too.
[[nodiscard]] bool offline_allows(const domain::Benefit& benefit, const OfflinePolicy& policy,
                                  int granted_last_hour);

}  // namespace witryna::core
