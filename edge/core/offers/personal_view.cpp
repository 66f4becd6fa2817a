#include "edge/core/offers/personal_view.hpp"

#include <algorithm>

namespace witryna::core {

PersonalView make_personal_view(const domain::Profile* profile, bool personalize) {
  PersonalView view;
  if (profile == nullptr || !personalize) return view;
  view.active = true;
  view.sizes = profile->preferences.sizes;
  view.categories = profile->preferences.categories;
  view.budget_minor = profile->preferences.budget_minor;
  view.affinities = profile->affinities;
  view.recent = profile->recent;
  std::stable_sort(view.recent.begin(), view.recent.end(),
                   [](const auto& a, const auto& b) { return a.at > b.at; });
  return view;
}

}  // namespace witryna::core
