#include "edge/core/redemption/offline_policy.hpp"

namespace witryna::core {

bool offline_allows(const domain::Benefit& benefit, const OfflinePolicy& policy,
                    int granted_last_hour) {
  if (policy.max_value_minor <= 0 || policy.max_per_hour <= 0) return false;
  if (granted_last_hour >= policy.max_per_hour) return false;
  if (benefit.type != domain::BenefitType::kAmount) return false;
  return benefit.value >= 0 && benefit.value <= policy.max_value_minor;
}

}  // namespace witryna::core
