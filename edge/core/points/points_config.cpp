#include "edge/core/points/points_config.hpp"

#include <string>

namespace witryna::core {

Result<PointsConfig> validate(const PointsConfig& c) {
  const auto bad = [](const std::string& field, const char* rule) {
    return fail(std::string(errc::kConfig), field + " " + rule);
  };
  if (c.points_per_unit < 0 || c.points_per_unit > 1000) {
    return bad("points.points_per_unit", "must be 0..1000");
  }
  if (c.unit_minor < 1) return bad("points.unit_minor", "must be 1 or more");
  for (const auto& [tier, m] : c.tier_multipliers) {
    if (!(m >= 0.0 && m <= 100.0)) {
      return bad("points.tier_multipliers." + tier, "must be 0..100");
    }
  }
  return c;
}

}  // namespace witryna::core
