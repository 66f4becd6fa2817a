#include "display/model/preferences_form.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace witryna::display {
namespace preferences_form_test {
namespace {

using nlohmann::json;

Customer anna() {
  Customer c;
  c.id = "C-1";
  c.personalized = true;
  c.consents.personalization = true;
  c.consents.display_name = true;
  c.preferences.sizes = {"M"};
  return c;
}

TEST(PreferencesForm, NothingChangedSendsNothing) {
  PreferencesForm f;
  f.load(anna());
  EXPECT_FALSE(f.dirty());
  EXPECT_EQ(f.consent_changes(), json::object());
  EXPECT_EQ(f.preference_changes(), json::object());
}

TEST(PreferencesForm, OnlyChangesAreSent) {
  PreferencesForm f;
  f.load(anna());
  f.set_consent(ConsentKind::kMarketing, true);
  f.set_consent(ConsentKind::kDisplayName, false);
  f.toggle_size("L");
  f.toggle_category("shoes");
  f.set_budget(30000);
  EXPECT_TRUE(f.dirty());
  EXPECT_EQ(f.consent_changes(), (json{{"marketing", true}, {"display_name", false}}));
  EXPECT_EQ(f.preference_changes(),
            (json{{"sizes", {"L", "M"}}, {"categories", {"shoes"}}, {"budget_minor", 30000}}));
  f.set_consent(ConsentKind::kMarketing, false);  // back as loaded
  EXPECT_EQ(f.consent_changes(), (json{{"display_name", false}}));
  f.set_budget(0);
  EXPECT_EQ(f.preference_changes()["budget_minor"], nullptr);  // "no limit"
}

TEST(PreferencesForm, LivePreview) {
  PreferencesForm f;
  f.load(anna());
  auto lines = f.preview(Language::kEn);
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0], "Your recommendations use: sizes.");
  f.toggle_category("dresses");
  f.set_budget(20000);
  EXPECT_EQ(f.preview(Language::kEn)[0],
            "Your recommendations use: sizes, favourite categories, budget.");
  EXPECT_EQ(f.preview(Language::kPl)[0],
            "Twoje rekomendacje korzystają z: rozmiary, ulubione kategorie, budżet.");
  f.set_consent(ConsentKind::kPersonalization, false);
  lines = f.preview(Language::kEn);
  EXPECT_EQ(lines[0], "You'll see the same offers as everyone else.");
  EXPECT_EQ(lines[1], "We won't send you marketing messages.");
  EXPECT_EQ(lines[2], "Screens greet you by your first name.");
  EXPECT_EQ(lines[3], "Advisors can't see your history.");
}

}  // namespace
}  // namespace preferences_form_test
}  // namespace witryna::display
