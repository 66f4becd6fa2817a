#include "edge/core/profile/profile_patch.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <utility>
#include <vector>

namespace witryna::core {
namespace {

Unexpected patch_wrong_type(std::string_view key, std::string_view wanted) {
  return fail(std::string(errc::kWrongType), std::string(key) + " must be " + std::string(wanted));
}

Result<std::vector<std::string>> patch_string_list(const nlohmann::json& value,
                                                   std::string_view key) {
  if (!value.is_array()) return patch_wrong_type(key, "an array of strings");
  if (value.size() > kMaxPreferenceItems) {
    return fail(std::string(errc::kInvalidValue),
                std::string(key) + " holds more than " + std::to_string(kMaxPreferenceItems));
  }
  std::vector<std::string> out;
  for (const auto& item : value) {
    if (!item.is_string()) return patch_wrong_type(key, "an array of strings");
    auto text = item.get<std::string>();
    if (text.empty() || text.size() > kMaxPreferenceText) {
      return fail(
          std::string(errc::kInvalidValue),
          std::string(key) + " items must be 1.." + std::to_string(kMaxPreferenceText) + " bytes");
    }
    if (std::find(out.begin(), out.end(), text) == out.end()) out.push_back(std::move(text));
  }
  return out;
}

nlohmann::json patch_consents_json(const domain::Consents& c) {
  return {{"personalization", c.personalization},
          {"marketing", c.marketing},
          {"display_name", c.display_name},
          {"history_for_staff", c.history_for_staff}};
}

nlohmann::json patch_preferences_json(const domain::Preferences& p) {
  nlohmann::json out = {{"sizes", p.sizes},
                        {"categories", p.categories},
                        {"budget_minor", nullptr},
                        {"pickup_store", nullptr}};
  if (p.budget_minor) out["budget_minor"] = *p.budget_minor;
  if (p.pickup_store) out["pickup_store"] = *p.pickup_store;
  return out;
}

nlohmann::json patch_event_fields(std::string_view customer, std::string_view screen) {
  nlohmann::json f = {{"customer", customer}};
  if (!screen.empty()) f["screen"] = screen;
  return f;
}

}  // namespace

Result<domain::Consents> patch_consents(const domain::Consents& current,
                                        const nlohmann::json& patch) {
  if (!patch.is_object()) return patch_wrong_type("consents", "an object");
  domain::Consents next = current;
  const std::array<std::pair<const char*, bool domain::Consents::*>, 4> fields = {{
      {"personalization", &domain::Consents::personalization},
      {"marketing", &domain::Consents::marketing},
      {"display_name", &domain::Consents::display_name},
      {"history_for_staff", &domain::Consents::history_for_staff},
  }};
  bool any = false;
  for (const auto& [key, member] : fields) {
    auto it = patch.find(key);
    if (it == patch.end()) continue;
    if (!it->is_boolean()) return patch_wrong_type(std::string("consents.") + key, "true or false");
    next.*member = it->get<bool>();
    any = true;
  }
  if (!any) return fail(std::string(errc::kInvalidValue), "consents: nothing to change");
  return next;
}

Result<domain::Preferences> patch_preferences(const domain::Preferences& current,
                                              const nlohmann::json& patch) {
  if (!patch.is_object()) return patch_wrong_type("preferences", "an object");
  domain::Preferences next = current;
  bool any = false;
  if (auto it = patch.find("sizes"); it != patch.end()) {
    auto list = patch_string_list(*it, "preferences.sizes");
    if (!list) return tl::unexpected(list.error());
    next.sizes = std::move(*list);
    any = true;
  }
  if (auto it = patch.find("categories"); it != patch.end()) {
    auto list = patch_string_list(*it, "preferences.categories");
    if (!list) return tl::unexpected(list.error());
    next.categories = std::move(*list);
    any = true;
  }
  if (auto it = patch.find("budget_minor"); it != patch.end()) {
    if (it->is_null()) {
      next.budget_minor.reset();
    } else if (it->is_number_integer() && it->get<std::int64_t>() >= 0) {
      next.budget_minor = it->get<std::int64_t>();
    } else {
      return patch_wrong_type("preferences.budget_minor", "an integer ≥ 0 or null");
    }
    any = true;
  }
  if (auto it = patch.find("pickup_store"); it != patch.end()) {
    if (it->is_null()) {
      next.pickup_store.reset();
    } else if (it->is_string() && !it->get<std::string>().empty() &&
               it->get<std::string>().size() <= kMaxPreferenceText) {
      next.pickup_store = it->get<std::string>();
    } else {
      return patch_wrong_type("preferences.pickup_store", "a store id or null");
    }
    any = true;
  }
  if (!any) return fail(std::string(errc::kInvalidValue), "preferences: nothing to change");
  return next;
}

domain::Event consent_changed_event(std::string_view customer, const domain::Consents& consents,
                                    std::string_view screen, TimePoint now) {
  auto fields = patch_event_fields(customer, screen);
  fields["consents"] = patch_consents_json(consents);
  return {domain::event_type::kConsentChanged, now, std::move(fields)};
}

domain::Event preferences_changed_event(std::string_view customer,
                                        const domain::Preferences& preferences,
                                        std::string_view screen, TimePoint now) {
  auto fields = patch_event_fields(customer, screen);
  fields["preferences"] = patch_preferences_json(preferences);
  return {domain::event_type::kPreferencesChanged, now, std::move(fields)};
}

}  // namespace witryna::core
