#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "edge/core/domain/profile.hpp"

namespace witryna::core {

// The part of a profile that ranking, item choice and reasons may use. Empty
// (active == false) unless personalization is allowed, so that code paths
// without consent cannot reach affinities, recent activity or preferences.
struct PersonalView {
  bool active = false;
  std::vector<std::string> sizes;
  std::vector<std::string> categories;
  std::optional<std::int64_t> budget_minor;
  std::map<std::string, double> affinities;
  std::vector<domain::RecentActivity> recent;  // newest first
};

// `personalize`: consent given and not in the control group.
[[nodiscard]] PersonalView make_personal_view(const domain::Profile* profile, bool personalize);

}  // namespace witryna::core
