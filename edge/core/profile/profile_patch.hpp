#pragma once
// consent.set / preferences.set (screen-api.md) carry a PARTIAL object: only
// the keys present change, the rest stay as they are. Pure.

#include <nlohmann/json.hpp>
#include <string_view>

#include "edge/core/domain/event.hpp"
#include "edge/core/domain/profile.hpp"
#include "edge/core/result.hpp"
#include "edge/core/time.hpp"

namespace witryna::core {

// Limits on what a kiosk may store as zero-party data.
inline constexpr std::size_t kMaxPreferenceItems = 20;
inline constexpr std::size_t kMaxPreferenceText = 64;

// `patch` must be an object; each of personalization, marketing, display_name,
// history_for_staff present must be a boolean (kWrongType, context names the
// key). Unknown keys are ignored (forward compatibility); a patch without any
// known key fails with kInvalidValue ("nothing to change"). On failure nothing
// of the patch applies.
[[nodiscard]] Result<domain::Consents> patch_consents(const domain::Consents& current,
                                                      const nlohmann::json& patch);

// Same rules for sizes and categories (arrays of non-empty strings, at most
// kMaxPreferenceItems of at most kMaxPreferenceText bytes each, duplicates
// dropped), budget_minor (integer ≥ 0, or null to clear) and pickup_store
// (non-empty string, or null to clear).
[[nodiscard]] Result<domain::Preferences> patch_preferences(const domain::Preferences& current,
                                                            const nlohmann::json& patch);

// consent.changed: customer, screen (when not empty), consents (all four, as
// they are now).
[[nodiscard]] domain::Event consent_changed_event(std::string_view customer,
                                                  const domain::Consents& consents,
                                                  std::string_view screen, TimePoint now);
// preferences.changed: customer, screen (when not empty), preferences (as now).
[[nodiscard]] domain::Event preferences_changed_event(std::string_view customer,
                                                      const domain::Preferences& preferences,
                                                      std::string_view screen, TimePoint now);

}  // namespace witryna::core
