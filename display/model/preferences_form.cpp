#include "display/model/preferences_form.hpp"

#include <nlohmann/json.hpp>

#include "display/model/translations.hpp"

namespace witryna::display {
namespace {

bool& field(domain::Consents& c, ConsentKind kind) {
  switch (kind) {
    case ConsentKind::kPersonalization:
      return c.personalization;
    case ConsentKind::kMarketing:
      return c.marketing;
    case ConsentKind::kDisplayName:
      return c.display_name;
    case ConsentKind::kHistoryForStaff:
      return c.history_for_staff;
  }
  return c.personalization;
}

void toggle(std::set<std::string>& set, const std::string& value) {
  if (!set.erase(value)) set.insert(value);
}

nlohmann::json as_array(const std::set<std::string>& set) {
  auto out = nlohmann::json::array();
  for (const auto& s : set)
    out.push_back(s);
  return out;
}

}  // namespace

void PreferencesForm::load(const Customer& customer) {
  loaded_consents_ = consents_ = customer.consents;
  loaded_sizes_ = sizes_ = {customer.preferences.sizes.begin(), customer.preferences.sizes.end()};
  loaded_categories_ = categories_ = {customer.preferences.categories.begin(),
                                      customer.preferences.categories.end()};
  loaded_budget_ = budget_minor_ = customer.preferences.budget_minor;
}

bool PreferencesForm::consent(ConsentKind kind) const {
  auto copy = consents_;
  return field(copy, kind);
}

void PreferencesForm::set_consent(ConsentKind kind, bool on) {
  field(consents_, kind) = on;
}
void PreferencesForm::toggle_size(const std::string& size) {
  toggle(sizes_, size);
}
void PreferencesForm::toggle_category(const std::string& c) {
  toggle(categories_, c);
}
void PreferencesForm::set_budget(std::int64_t minor) {
  budget_minor_ = minor;
}

std::vector<std::string> PreferencesForm::preview(Language language) const {
  std::vector<std::string> lines;
  if (consents_.personalization) {
    std::string uses;
    const auto add = [&](Text t) {
      if (!uses.empty()) uses += ", ";
      uses += tr(t, language);
    };
    if (!sizes_.empty()) add(Text::kUseSizes);
    if (!categories_.empty()) add(Text::kUseCategories);
    if (budget_minor_ && *budget_minor_ > 0) add(Text::kUseBudget);
    lines.push_back(uses.empty() ? std::string(tr(Text::kPreviewUsesNothing, language))
                                 : tr(Text::kPreviewUses, language, {uses}));
  } else {
    lines.emplace_back(tr(Text::kPreviewGeneric, language));
  }
  lines.emplace_back(
      tr(consents_.marketing ? Text::kPreviewMarketingOn : Text::kPreviewMarketingOff, language));
  lines.emplace_back(
      tr(consents_.display_name ? Text::kPreviewNameOn : Text::kPreviewNameOff, language));
  lines.emplace_back(tr(
      consents_.history_for_staff ? Text::kPreviewHistoryOn : Text::kPreviewHistoryOff, language));
  return lines;
}

nlohmann::json PreferencesForm::consent_changes() const {
  auto out = nlohmann::json::object();
  const auto diff = [&](const char* key, bool before, bool now) {
    if (before != now) out[key] = now;
  };
  diff("personalization", loaded_consents_.personalization, consents_.personalization);
  diff("marketing", loaded_consents_.marketing, consents_.marketing);
  diff("display_name", loaded_consents_.display_name, consents_.display_name);
  diff("history_for_staff", loaded_consents_.history_for_staff, consents_.history_for_staff);
  return out;
}

nlohmann::json PreferencesForm::preference_changes() const {
  auto out = nlohmann::json::object();
  if (sizes_ != loaded_sizes_) out["sizes"] = as_array(sizes_);
  if (categories_ != loaded_categories_) out["categories"] = as_array(categories_);
  if (budget_minor_ != loaded_budget_ && budget_minor_) {
    if (*budget_minor_ > 0) {
      out["budget_minor"] = *budget_minor_;
    } else {
      out["budget_minor"] = nullptr;
    }
  }
  return out;
}

bool PreferencesForm::dirty() const {
  return !consent_changes().empty() || !preference_changes().empty();
}

}  // namespace witryna::display
