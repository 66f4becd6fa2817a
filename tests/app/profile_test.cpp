// "My preferences", points, offers accepted, session end and inactivity.
#include <gtest/gtest.h>

#include "tests/app/app_world.hpp"

namespace witryna::app::test {
namespace profile_test {
namespace {

std::unique_ptr<Screen> kiosk_with_anna(AppWorld& world) {
  auto kiosk = world.screen("kiosk-1", "kiosk");
  EXPECT_EQ(kiosk->act("scan", {{"payload", kAnnaCard}})["ok"], true);
  EXPECT_TRUE(kiosk->view_mode("customer"));
  return kiosk;
}

TEST(ProfileTest, ConsentChangeAppliesAtOnceAndWinsUntilCentralSendsNewer) {
  AppWorld world;
  auto kiosk = kiosk_with_anna(world);
  auto r = kiosk->act("consent.set",
                      {{"consents", {{"personalization", false}, {"display_name", false}}}});
  ASSERT_EQ(r["ok"], true) << r.dump();
  auto v = kiosk->view_until([](const json& x) {
    return x["customer"].is_object() && x["customer"]["personalized"] == false;
  });
  ASSERT_TRUE(v);
  EXPECT_TRUE((*v)["customer"]["display_name"].is_null());
  for (const auto& o : (*v)["offers"])
    EXPECT_NE(o["offer"], "OF-DRS");
  auto events = world.events_of("consent.changed");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0]["consents"]["personalization"], false);
  EXPECT_EQ(events[0]["consents"]["history_for_staff"], true);  // untouched keys stay

  // An older central copy (same ver) does not undo the local change …
  auto profiles = seed_profiles();
  world.central("profiles", json::array({profiles[0]}));
  EXPECT_TRUE(kiosk->view_until([](const json& x) {
    return x["customer"].is_object() && x["customer"]["personalized"] == false;
  }));
  // … a newer one is the truth again.
  profiles[0]["ver"] = 6;
  world.central("profiles", json::array({profiles[0]}));
  EXPECT_TRUE(kiosk->view_until([](const json& x) {
    return x["customer"].is_object() && x["customer"]["personalized"] == true;
  }));
}

TEST(ProfileTest, PreferencesChangeAndBadPatchesChangeNothing) {
  AppWorld world;
  auto kiosk = kiosk_with_anna(world);
  ASSERT_EQ(kiosk->act("preferences.set", {{"preferences", {{"sizes", {"L"}}}}})["ok"], true);
  auto v = kiosk->view_until([](const json& x) {
    return x["customer"].is_object() && x["customer"]["preferences"]["sizes"] == json::array({"L"});
  });
  ASSERT_TRUE(v);
  EXPECT_EQ((*v)["customer"]["preferences"]["categories"], json::array({"dresses", "shoes"}));
  EXPECT_EQ(world.events_of("preferences.changed").size(), 1u);

  EXPECT_EQ(kiosk->act("preferences.set", {{"preferences", {{"sizes", "L"}}}})["ok"], false);
  EXPECT_EQ(kiosk->act("consent.set", {{"consents", {{"marketing", "yes"}}}})["ok"], false);
  EXPECT_EQ(kiosk->act("consent.set", {{"consents", json::object()}})["ok"], false);
  EXPECT_EQ(world.events_of("consent.changed").size(), 0u);
  EXPECT_EQ(world.events_of("preferences.changed").size(), 1u);

  auto checkout = world.screen("checkout-1", "checkout", "T1");
  EXPECT_EQ(checkout->act("consent.set", {{"consents", {{"marketing", true}}}})["error"],
            "wrong_role");
}

TEST(ProfileTest, PurchaseAccruesPointsOncePerReceiptShownAtOnceAsPending) {
  AppWorld world;
  auto till = world.screen("checkout-1", "checkout", "T1");
  EXPECT_EQ(till->act("purchase",
                      {{"receipt", "RC-1"}, {"amount_minor", 10000}, {"currency", "PLN"}})["error"],
            "no_customer");
  ASSERT_EQ(till->act("scan", {{"payload", kAnnaCard}})["ok"], true);
  ASSERT_TRUE(till->view_mode("customer"));
  auto r =
      till->act("purchase", {{"receipt", "RC-1"}, {"amount_minor", 10000}, {"currency", "PLN"}});
  ASSERT_EQ(r["ok"], true) << r.dump();
  auto v = till->view_until([](const json& x) {
    return x["customer"].is_object() && x["customer"]["pending_points"].get<int>() > 0;
  });
  ASSERT_TRUE(v);
  const int pending = (*v)["customer"]["pending_points"];
  EXPECT_EQ((*v)["customer"]["points"], 1250 + pending);
  // The same receipt again (a retry): nothing more.
  ASSERT_EQ(till->act("purchase",
                      {{"receipt", "RC-1"}, {"amount_minor", 10000}, {"currency", "PLN"}})["ok"],
            true);
  EXPECT_EQ(world.events_of("points.accrued").size(), 1u);
  EXPECT_EQ(till->act("purchase",
                      {{"receipt", "RC-2"}, {"amount_minor", 10000}, {"currency", "EUR"}})["error"],
            "wrong_currency");
  EXPECT_EQ(till->act("purchase", {{"receipt", "RC-3"}})["error"], "missing_field");
}

TEST(ProfileTest, OfferAcceptRecordsAnEventForOffersOnScreenOnly) {
  AppWorld world;
  auto kiosk = kiosk_with_anna(world);
  ASSERT_EQ(kiosk->act("offer.accept", {{"offer", "OF-DRS"}})["ok"], true);
  EXPECT_EQ(kiosk->act("offer.accept", {{"offer", "OF-NOPE"}})["error"], "unknown_offer");
  auto events = world.events_of("offer.accepted");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0]["customer"], "C-000123");
}

TEST(ProfileTest, SessionEndClearsEveryPersonalField) {
  AppWorld world;
  auto kiosk = kiosk_with_anna(world);
  ASSERT_EQ(kiosk->act(std::string("session.end"))["ok"], true);
  auto v = kiosk->view_mode("idle");
  ASSERT_TRUE(v);
  EXPECT_TRUE((*v)["customer"].is_null());
  EXPECT_TRUE((*v)["reservations"].empty());
  EXPECT_TRUE((*v)["history"].is_null());
  EXPECT_EQ(v->dump().find("Anna"), std::string::npos);
  EXPECT_EQ(v->dump().find("C-000123"), std::string::npos);
  EXPECT_EQ(kiosk->act("consent.set", {{"consents", {{"marketing", true}}}})["error"],
            "no_customer");
}

TEST(ProfileTest, InactivityReturnsToIdleAndIdleTimeIsLive) {
  auto options = default_options();
  options.idle_after = std::chrono::seconds(30);
  AppWorld world(options);
  auto kiosk = kiosk_with_anna(world);
  options.idle_after = std::chrono::milliseconds(300);
  world.call([&] {
    world.workflows().reconfigure(options);
    return 0;
  });
  auto v =
      kiosk->view_until([](const json& x) { return x["mode"] == "idle"; }, std::chrono::seconds(5));
  ASSERT_TRUE(v);
  EXPECT_TRUE((*v)["customer"].is_null());
}

TEST(ProfileTest, MaxOnScreenIsLive) {
  AppWorld world;
  auto kiosk = kiosk_with_anna(world);
  ASSERT_GE(kiosk->last_view()->at("offers").size(), 2u);
  auto options = default_options();
  options.offers.max_on_screen = 1;
  world.call([&] {
    world.workflows().reconfigure(options);
    return 0;
  });
  EXPECT_TRUE(kiosk->view_until([](const json& x) { return x["offers"].size() == 1; }));
}

}  // namespace
}  // namespace profile_test
}  // namespace witryna::app::test
