#include "edge/core/offers/offer_config.hpp"

#include <string>

namespace witryna::core {

Result<OfferConfig> validate(const OfferConfig& c) {
  const auto bad = [](const char* field, const char* rule) {
    return fail(std::string(errc::kConfig), std::string(field) + " " + rule);
  };
  if (c.max_on_screen > 50) return bad("offers.max_on_screen", "must be 0..50");
  if (c.control_group_percent < 0 || c.control_group_percent > 100) {
    return bad("offers.control_group_percent", "must be 0..100");
  }
  if (c.nearby_stale_after <= Millis::zero()) {
    return bad("offers.nearby_stale_after", "must be positive");
  }
  if (c.low_stock_max < 0) return bad("offers.low_stock_max", "must be 0 or more");
  if (c.category_candidates < 1 || c.category_candidates > 100) {
    return bad("offers.category_candidates", "must be 1..100");
  }
  if (c.max_nearby > 20) return bad("offers.max_nearby", "must be 0..20");
  if (c.max_reasons < 1 || c.max_reasons > 10) return bad("offers.max_reasons", "must be 1..10");
  if (!(c.affinity_threshold >= 0.0 && c.affinity_threshold <= 1.0)) {
    return bad("offers.affinity_threshold", "must be 0..1");
  }
  if (c.ends_soon < Millis::zero()) return bad("offers.ends_soon", "must be 0 or more");
  return c;
}

}  // namespace witryna::core
