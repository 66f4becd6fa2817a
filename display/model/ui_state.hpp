#pragma once
// Everything a screen remembers between frames that is not in the view:
// which kiosk page is open, the preferences form, the typed code, the
// purchase entry, transient notices. Owned and touched by the render thread
// only. apply_view() is the one place that decides what a new view wipes.

#include <optional>
#include <set>
#include <string>

#include "display/model/code_pad.hpp"
#include "display/model/language.hpp"
#include "display/model/preferences_form.hpp"
#include "display/model/translations.hpp"
#include "display/model/view_model.hpp"
#include "edge/core/time.hpp"

namespace witryna::display {

enum class KioskPage { kMain, kPreferences };

struct PurchaseEntry {
  std::string receipt;
  std::string amount;
  bool sent = false;
  bool invalid = false;
};

// A short line shown for a few seconds ("Saved ✓", "That didn't work").
struct Notice {
  Text text = Text::kOk;
  bool error = false;
  TimePoint until{};
};

struct UiState {
  Language language = Language::kPl;  // may differ from the default while a shopper is here
  KioskPage page = KioskPage::kMain;
  PreferencesForm preferences;
  std::set<std::string> accepted_offers;
  CodePad pad;
  std::string kiosk_keys;  // a keyboard-wedge scanner typing at a kiosk, until Enter
  PurchaseEntry purchase;
  std::optional<Notice> notice;
  TimePoint attract_started{};  // when the idle loop started, for slide timing
};

// Brings `ui` in line with a newly arrived view. When the customer leaves
// (the new view has no customer, or a different one) everything personal in
// `ui` goes: the preferences form, accepted offers, the purchase entry, the
// notice, and the language a shopper picked. The typed code goes when the
// view stops being about a person (a code outcome or customer disappears) or
// the screen falls back to idle from another mode — not on every status
// update, so a cashier typing is not interrupted.
void apply_view(UiState& ui, const ViewModel* previous, const ViewModel& next,
                Language default_language, TimePoint now);

// Opens "My preferences" for the customer on screen (loads the form).
void open_preferences(UiState& ui, const ViewModel& view);

// Index of the attract-loop slide to show and when the next one is due.
struct AttractSlide {
  std::size_t index = 0;
  TimePoint next_change{};
};
[[nodiscard]] AttractSlide attract_slide(const UiState& ui, std::size_t slide_count, TimePoint now,
                                         Millis per_slide);

}  // namespace witryna::display
