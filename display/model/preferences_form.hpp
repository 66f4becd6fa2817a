#pragma once
// The kiosk "My preferences" form (UI-local state): consent toggles and the
// short zero-party quiz, the live "what changes" preview, and the partial
// objects sent as consent.set / preferences.set.

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "display/model/language.hpp"
#include "display/model/view_model.hpp"

namespace witryna::display {

enum class ConsentKind { kPersonalization, kMarketing, kDisplayName, kHistoryForStaff };

class PreferencesForm {
 public:
  // Starts the form from what the view says about the customer.
  void load(const Customer& customer);

  [[nodiscard]] bool consent(ConsentKind kind) const;
  void set_consent(ConsentKind kind, bool on);

  [[nodiscard]] bool has_size(const std::string& size) const { return sizes_.contains(size); }
  void toggle_size(const std::string& size);
  [[nodiscard]] bool has_category(const std::string& c) const { return categories_.contains(c); }
  void toggle_category(const std::string& category);
  // 0 = "no limit"; std::nullopt = not answered.
  [[nodiscard]] std::optional<std::int64_t> budget_minor() const { return budget_minor_; }
  void set_budget(std::int64_t minor);

  // The live preview, one sentence per line, in the order shown.
  [[nodiscard]] std::vector<std::string> preview(Language language) const;

  // Only the consents that differ from what was loaded; empty object if none.
  [[nodiscard]] nlohmann::json consent_changes() const;
  // Only the answers that differ from what was loaded; empty object if none.
  // "No limit" is sent as budget_minor: null.
  [[nodiscard]] nlohmann::json preference_changes() const;
  [[nodiscard]] bool dirty() const;

 private:
  domain::Consents loaded_consents_;
  domain::Consents consents_;
  std::set<std::string> loaded_sizes_, sizes_;
  std::set<std::string> loaded_categories_, categories_;
  std::optional<std::int64_t> loaded_budget_, budget_minor_;
};

}  // namespace witryna::display
