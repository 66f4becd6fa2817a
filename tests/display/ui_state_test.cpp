#include "display/model/ui_state.hpp"

#include <gtest/gtest.h>

namespace witryna::display {
namespace ui_state_test {
namespace {

const TimePoint kNow = from_unix_seconds(1795000000);

ViewModel customer_view(const char* id) {
  ViewModel v;
  v.mode = Mode::kCustomer;
  v.customer = Customer{};
  v.customer->id = id;
  return v;
}

ViewModel idle_view() {
  return ViewModel{};
}

// A shopper has been busy: everything UI-local is filled in.
UiState busy(const ViewModel& v) {
  UiState ui;
  ui.language = Language::kEn;  // picked by the shopper
  open_preferences(ui, v);
  ui.preferences.toggle_size("M");
  ui.accepted_offers.insert("OF-1");
  ui.pad.type("7K3M");
  ui.kiosk_keys = "29000";
  ui.purchase.receipt = "R-1";
  ui.notice = Notice{Text::kSaved, false, kNow + Millis(4000)};
  return ui;
}

TEST(ApplyView, CustomerLeavingWipesEverythingPersonal) {
  const ViewModel anna = customer_view("C-1");
  UiState ui = busy(anna);
  apply_view(ui, &anna, idle_view(), Language::kPl, kNow);
  EXPECT_EQ(ui.page, KioskPage::kMain);
  EXPECT_FALSE(ui.preferences.dirty());
  EXPECT_TRUE(ui.accepted_offers.empty());
  EXPECT_TRUE(ui.pad.empty());
  EXPECT_TRUE(ui.kiosk_keys.empty());
  EXPECT_TRUE(ui.purchase.receipt.empty());
  EXPECT_FALSE(ui.notice);
  EXPECT_EQ(ui.language, Language::kPl);
}

TEST(ApplyView, AnotherCustomerStartsFresh) {
  const ViewModel anna = customer_view("C-1");
  UiState ui = busy(anna);
  apply_view(ui, &anna, customer_view("C-2"), Language::kPl, kNow);
  EXPECT_EQ(ui.page, KioskPage::kMain);
  EXPECT_TRUE(ui.accepted_offers.empty());
  EXPECT_FALSE(ui.preferences.dirty());
}

TEST(ApplyView, SameCustomerUpdatedKeepsTheForm) {
  const ViewModel anna = customer_view("C-1");
  UiState ui = busy(anna);
  ViewModel newer = anna;
  newer.rev = 2;
  newer.status.outbox = 5;
  apply_view(ui, &anna, newer, Language::kPl, kNow);
  EXPECT_EQ(ui.page, KioskPage::kPreferences);
  EXPECT_TRUE(ui.preferences.dirty());
  EXPECT_EQ(ui.language, Language::kEn);
  EXPECT_EQ(ui.accepted_offers.size(), 1u);
}

TEST(ApplyView, StatusUpdatesDoNotInterruptTyping) {
  ViewModel a;  // checkout, nobody on screen
  a.mode = Mode::kPickups;
  UiState ui;
  ui.pad.type("7K3M");
  ViewModel b = a;
  b.rev = 2;
  b.status.online = true;
  apply_view(ui, &a, b, Language::kPl, kNow);
  EXPECT_EQ(ui.pad.display(), "7K3M");
}

TEST(ApplyView, CodeOutcomeGoneClearsThePad) {
  ViewModel with_code;
  with_code.mode = Mode::kCode;
  with_code.code = CodeOutcome{"TK", "ok", std::nullopt, std::nullopt, false};
  UiState ui;
  ui.pad.type("ABCD");
  ViewModel after;
  after.mode = Mode::kPickups;
  apply_view(ui, &with_code, after, Language::kPl, kNow);
  EXPECT_TRUE(ui.pad.empty());
}

TEST(ApplyView, PreferencesCloseWhenTheModeChanges) {
  const ViewModel anna = customer_view("C-1");
  UiState ui;
  open_preferences(ui, anna);
  ViewModel message = anna;
  message.mode = Mode::kMessage;
  apply_view(ui, &anna, message, Language::kPl, kNow);
  EXPECT_EQ(ui.page, KioskPage::kMain);
}

TEST(AttractLoop, CyclesAndSaysWhenToRedraw) {
  UiState ui;
  apply_view(ui, nullptr, idle_view(), Language::kPl, kNow);
  const Millis per(7000);
  auto s = attract_slide(ui, 3, kNow, per);
  EXPECT_EQ(s.index, 0u);
  EXPECT_EQ(s.next_change, kNow + per);
  s = attract_slide(ui, 3, kNow + Millis(7000), per);
  EXPECT_EQ(s.index, 1u);
  s = attract_slide(ui, 3, kNow + Millis(22000), per);
  EXPECT_EQ(s.index, 0u);
  EXPECT_EQ(s.next_change, kNow + Millis(28000));
  s = attract_slide(ui, 0, kNow, per);
  EXPECT_EQ(s.index, 0u);
}

}  // namespace
}  // namespace ui_state_test
}  // namespace witryna::display
