// Reservation pickup at the checkout and holds that end by themselves.
#include <gtest/gtest.h>

#include "tests/app/app_world.hpp"

namespace witryna::app::test {
namespace reservation_test {
namespace {

TEST(ReservationTest, ResTokenAtCheckoutShowsTheReservationAndPickupHappensOnce) {
  AppWorld world;
  auto till = world.screen("checkout-1", "checkout", "T1");
  ASSERT_EQ(
      till->act("scan",
                {{"payload", world.token("C-000123", core::AppTokenType::kRes, "R-9001")}})["ok"],
      true);
  auto v = till->view_until(
      [](const json& x) { return x["mode"] == "pickups" && x["customer"].is_object(); });
  ASSERT_TRUE(v);
  ASSERT_EQ((*v)["reservations"].size(), 1u);
  EXPECT_EQ((*v)["reservations"][0]["reservation"], "R-9001");
  EXPECT_EQ((*v)["reservations"][0]["fitting_room"], "3");
  EXPECT_EQ((*v)["reservations"][0]["discount"]["value"], 10);

  ASSERT_EQ(till->act("pickup.confirm", {{"reservation", "R-9001"}})["ok"], true);
  auto done = till->view_until([](const json& x) {
    return !x["reservations"].empty() && x["reservations"][0]["status"] == "picked_up";
  });
  ASSERT_TRUE(done);
  EXPECT_EQ(till->act("pickup.confirm", {{"reservation", "R-9001"}})["error"], "already_picked_up");
  auto events = world.events_of("reservation.picked_up");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0]["reservation"], "R-9001");
  EXPECT_EQ(events[0]["till"], "T1");
}

TEST(ReservationTest, ResTokenForSomeoneElsesReservationShowsNothingOfIt) {
  AppWorld world;
  auto till = world.screen("checkout-1", "checkout", "T1");
  ASSERT_EQ(
      till->act("scan",
                {{"payload", world.token("C-000200", core::AppTokenType::kRes, "R-9001")}})["ok"],
      true);
  auto v = till->view_mode("message");
  ASSERT_TRUE(v);
  EXPECT_EQ((*v)["message"]["code"], "unknown_reservation");
  EXPECT_TRUE((*v)["reservations"].empty());
}

TEST(ReservationTest, PickupListAtTheCheckoutAndUnknownReservation) {
  AppWorld world;
  auto till = world.screen("checkout-1", "checkout", "T1");
  const auto& v = *till->last_view();
  ASSERT_EQ(v["mode"], "pickups");
  ASSERT_EQ(v["reservations"].size(), 1u);
  EXPECT_TRUE(v["customer"].is_null());
  EXPECT_EQ(till->act("pickup.confirm", {{"reservation", "R-0000"}})["error"],
            "unknown_reservation");
  ASSERT_EQ(till->act("pickup.confirm", {{"reservation", "R-9001"}})["ok"], true);
  EXPECT_TRUE(till->view_until(
      [](const json& x) { return x["mode"] == "pickups" && x["reservations"].empty(); }));
  // A kiosk hands nothing over.
  auto kiosk = world.screen("kiosk-1", "kiosk");
  EXPECT_EQ(kiosk->act("pickup.confirm", {{"reservation", "R-9001"}})["error"], "wrong_role");
}

TEST(ReservationTest, HoldExpiresAtHoldUntilByItselfWithItsEvent) {
  AppWorld world;
  auto till = world.screen("checkout-1", "checkout", "T1");
  world.central("reservations",
                json::array({{{"reservation", "R-9002"},
                              {"customer", "C-000123"},
                              {"store", kStore},
                              {"sku", "DRS-0042-L-RED"},
                              {"qty", 1},
                              {"status", "held"},
                              {"hold_until", iso_from_now(std::chrono::milliseconds(400))},
                              {"fitting_room", ""},
                              {"ver", 1}}}));
  ASSERT_TRUE(till->view_until([](const json& x) { return x["reservations"].size() == 2; }));
  // The asio timer fires at hold_until: no scan, no action needed.
  auto v = till->view_until([](const json& x) { return x["reservations"].size() == 1; },
                            std::chrono::seconds(5));
  ASSERT_TRUE(v);
  EXPECT_EQ((*v)["reservations"][0]["reservation"], "R-9001");
  auto expired = world.events_of("reservation.expired");
  ASSERT_EQ(expired.size(), 1u);
  EXPECT_EQ(expired[0]["reservation"], "R-9002");
  EXPECT_EQ(till->act("pickup.confirm", {{"reservation", "R-9002"}})["error"], "expired");
}

}  // namespace
}  // namespace reservation_test
}  // namespace witryna::app::test
