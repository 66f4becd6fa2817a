#include "display/model/ui_state.hpp"

namespace witryna::display {
namespace {

std::optional<std::string> customer_id(const ViewModel* v) {
  if (v == nullptr || !v->customer) return std::nullopt;
  return v->customer->id;
}

void forget_customer(UiState& ui, Language default_language) {
  ui.page = KioskPage::kMain;
  ui.preferences = PreferencesForm{};
  ui.accepted_offers.clear();
  ui.purchase = PurchaseEntry{};
  ui.notice.reset();
  ui.language = default_language;
}

}  // namespace

void apply_view(UiState& ui, const ViewModel* previous, const ViewModel& next,
                Language default_language, TimePoint now) {
  const bool first = previous == nullptr;
  if (!next.customer || customer_id(previous) != customer_id(&next)) {
    forget_customer(ui, default_language);
  }
  const bool was_personal = !first && has_personal_data(*previous);
  const bool back_to_idle = !first && next.mode == Mode::kIdle && previous->mode != Mode::kIdle;
  if ((was_personal && !has_personal_data(next)) || back_to_idle) {
    ui.pad.clear();
    ui.kiosk_keys.clear();
  }
  if (next.mode == Mode::kIdle && (first || previous->mode != Mode::kIdle)) {
    ui.attract_started = now;
  }
  if (ui.page == KioskPage::kPreferences && next.mode != Mode::kCustomer)
    ui.page = KioskPage::kMain;
}

void open_preferences(UiState& ui, const ViewModel& view) {
  if (!view.customer) return;
  ui.preferences.load(*view.customer);
  ui.page = KioskPage::kPreferences;
}

AttractSlide attract_slide(const UiState& ui, std::size_t slide_count, TimePoint now,
                           Millis per_slide) {
  AttractSlide out;
  if (slide_count == 0 || per_slide.count() <= 0) {
    out.next_change = now + Millis(60'000);
    return out;
  }
  const auto elapsed = now < ui.attract_started ? Millis(0) : now - ui.attract_started;
  const auto step = elapsed / per_slide;
  out.index = static_cast<std::size_t>(step) % slide_count;
  out.next_change = ui.attract_started + per_slide * (step + 1);
  return out;
}

}  // namespace witryna::display
