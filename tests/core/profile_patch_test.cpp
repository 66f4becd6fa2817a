#include "edge/core/profile/profile_patch.hpp"

#include <gtest/gtest.h>

#include "edge/core/session/session_events.hpp"

namespace witryna::core {
namespace profile_patch_test {
namespace {

using nlohmann::json;

TEST(ProfilePatchTest, ConsentPatchChangesOnlyTheKeysGiven) {
  domain::Consents all{true, true, true, true};
  struct Case {
    const char* patch;
    std::optional<domain::Consents> want;  // none: refused
    const char* error = "";
  };
  const Case cases[] = {
      {R"({"marketing":false})", domain::Consents{true, false, true, true}},
      {R"({"personalization":false,"display_name":false})",
       domain::Consents{false, true, false, true}},
      {R"({"history_for_staff":false,"unknown":1})", domain::Consents{true, true, true, false}},
      {R"({"marketing":"no"})", std::nullopt, "wrong_type"},
      {R"({"marketing":null})", std::nullopt, "wrong_type"},
      {R"({})", std::nullopt, "invalid_value"},
      {R"({"other":true})", std::nullopt, "invalid_value"},
      {R"([true])", std::nullopt, "wrong_type"},
      {R"("yes")", std::nullopt, "wrong_type"},
  };
  for (const auto& c : cases) {
    auto got = patch_consents(all, json::parse(c.patch));
    if (c.want) {
      ASSERT_TRUE(got) << c.patch << ": " << got.error().context;
      EXPECT_EQ(*got, *c.want) << c.patch;
    } else {
      ASSERT_FALSE(got) << c.patch;
      EXPECT_EQ(got.error().code, c.error) << c.patch;
    }
  }
}

TEST(ProfilePatchTest, PreferencesPatch) {
  domain::Preferences now;
  now.sizes = {"M"};
  now.categories = {"dresses"};
  now.budget_minor = 30000;
  now.pickup_store = "PL-WAW-001";

  auto sizes = patch_preferences(now, json::parse(R"({"sizes":["L","L","XL"]})"));
  ASSERT_TRUE(sizes);
  EXPECT_EQ(sizes->sizes, (std::vector<std::string>{"L", "XL"}));  // duplicates dropped
  EXPECT_EQ(sizes->categories, now.categories);
  EXPECT_EQ(sizes->budget_minor, now.budget_minor);

  auto cleared =
      patch_preferences(now, json::parse(R"({"budget_minor":null,"pickup_store":null})"));
  ASSERT_TRUE(cleared);
  EXPECT_FALSE(cleared->budget_minor);
  EXPECT_FALSE(cleared->pickup_store);

  const char* refused[] = {
      R"({"sizes":"M"})",         R"({"sizes":[1]})",
      R"({"sizes":[""]})",        R"({"budget_minor":-1})",
      R"({"budget_minor":1.5})",  R"({"pickup_store":""})",
      R"({"categories":[null]})", R"({})",
  };
  for (const char* p : refused)
    EXPECT_FALSE(patch_preferences(now, json::parse(p))) << p;
  json many = {{"categories", json::array()}};
  for (int i = 0; i < 21; ++i)
    many["categories"].push_back("c" + std::to_string(i));
  EXPECT_FALSE(patch_preferences(now, many));
  EXPECT_FALSE(patch_preferences(now, json{{"sizes", {std::string(65, 'x')}}}));
}

TEST(ProfilePatchTest, EventsCarryTheWholeNewStateAndNoName) {
  const auto at = from_unix_seconds(1795000000);
  auto e = consent_changed_event("C-1", domain::Consents{true, false, false, false}, "kiosk-1", at);
  EXPECT_EQ(e.type, "consent.changed");
  EXPECT_EQ(e.fields["customer"], "C-1");
  EXPECT_EQ(e.fields["screen"], "kiosk-1");
  EXPECT_EQ(e.fields["consents"]["personalization"], true);
  EXPECT_EQ(e.fields["consents"]["history_for_staff"], false);
  domain::Preferences p;
  p.sizes = {"M"};
  auto pe = preferences_changed_event("C-1", p, "", at);
  EXPECT_EQ(pe.type, "preferences.changed");
  EXPECT_FALSE(pe.fields.contains("screen"));
  EXPECT_TRUE(pe.fields["preferences"]["budget_minor"].is_null());
}

TEST(SessionEventsTest, ScanEventNamesKindAndOutcomeNeverThePayload) {
  const auto at = from_unix_seconds(1795000000);
  auto e = scan_event("kiosk-1", ScanKind::kCard, Outcome::kUnknownCard, std::nullopt, at);
  EXPECT_EQ(e.type, "scan");
  EXPECT_EQ(e.fields, (json{{"screen", "kiosk-1"}, {"kind", "card"}, {"outcome", "unknown_card"}}));
  auto k = scan_event("kiosk-1", ScanKind::kToken, Outcome::kOk, std::string("C-1"), at);
  EXPECT_EQ(k.fields["customer"], "C-1");
  for (auto kind : {ScanKind::kCard, ScanKind::kToken, ScanKind::kCode, ScanKind::kOther}) {
    EXPECT_STRNE(to_string(kind), "?");
  }
  auto a = offer_accepted_event("kiosk-1", "OF-1", std::nullopt, at);
  EXPECT_EQ(a.type, "offer.accepted");
  EXPECT_FALSE(a.fields.contains("customer"));
  auto s = service_opened_event("kiosk-1", "C-1", false, at);
  EXPECT_EQ(s.type, "service.opened");
  EXPECT_EQ(s.fields["history_shown"], false);
}

}  // namespace
}  // namespace profile_patch_test
}  // namespace witryna::core
