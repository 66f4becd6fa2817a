// The seams sync and the fleet use: link status, central changes, the
// events-written hook, screenshots.
#include <gtest/gtest.h>

#include <future>

#include "tests/app/app_world.hpp"
#include "tests/support/wait.hpp"

namespace witryna::app::test {
namespace sync_seams_test {
namespace {

TEST(SyncSeamsTest, LinkStatusReachesEveryScreen) {
  AppWorld world;
  auto kiosk = world.screen("kiosk-1", "kiosk");
  auto till = world.screen("checkout-1", "checkout", "T1");
  const auto synced = now_ms();
  world.call([&] {
    world.workflows().set_link_status(true, synced);
    return 0;
  });
  for (auto* s : {kiosk.get(), till.get()}) {
    auto v = s->view_until([](const json& x) { return x["status"]["online"] == true; });
    ASSERT_TRUE(v);
    EXPECT_EQ((*v)["status"]["last_sync"], format_rfc3339(synced));
  }
}

TEST(SyncSeamsTest, LiveStockChangeRefreshesTheCustomerView) {
  AppWorld world;
  auto kiosk = world.screen("kiosk-1", "kiosk");
  ASSERT_EQ(kiosk->act("scan", {{"payload", kAnnaCard}})["ok"], true);
  ASSERT_TRUE(kiosk->view_mode("customer"));
  world.central(
      "stock",
      json::array({{{"sku", "DRS-0042-M-RED"}, {"on_hand", 9}, {"reserved", 1}, {"ver", 2}}}));
  auto v = kiosk->view_until([](const json& x) {
    return !x["offers"].empty() && x["offers"][0]["stock"].is_object() &&
           x["offers"][0]["stock"]["available"] == 8;
  });
  ASSERT_TRUE(v);
  // Refreshing for stock does not count the offer as shown again.
  EXPECT_EQ(world.events_of("offers.shown").size(), 1u);
}

TEST(SyncSeamsTest, OutOfStockOfferShowsAlternativeOrNearby) {
  AppWorld world;
  world.central(
      "stock",
      json::array({{{"sku", "DRS-0042-M-RED"}, {"on_hand", 0}, {"reserved", 0}, {"ver", 2}}}));
  auto kiosk = world.screen("kiosk-1", "kiosk");
  ASSERT_EQ(kiosk->act("scan", {{"payload", kAnnaCard}})["ok"], true);
  auto v = kiosk->view_mode("customer");
  ASSERT_TRUE(v);
  bool explained = false;
  for (const auto& o : (*v)["offers"]) {
    if (o["offer"] != "OF-DRS") continue;
    if (o["stock"]["level"] == "out") {
      explained = o["alternative"].is_object() || !o["nearby"].empty();
    } else {
      explained = true;  // another in-stock dress was chosen
    }
  }
  EXPECT_TRUE(explained) << v->dump();
}

TEST(SyncSeamsTest, ErasedProfileLeavesTheScreenAtOnce) {
  AppWorld world;
  auto kiosk = world.screen("kiosk-1", "kiosk");
  ASSERT_EQ(kiosk->act("scan", {{"payload", kAnnaCard}})["ok"], true);
  ASSERT_TRUE(kiosk->view_mode("customer"));
  world.central("profiles",
                json::array({{{"customer", "C-000123"}, {"ver", 9}, {"deleted", true}}}));
  auto v = kiosk->view_mode("idle");
  ASSERT_TRUE(v);
  EXPECT_TRUE((*v)["customer"].is_null());
  EXPECT_EQ(v->dump().find("Anna"), std::string::npos);
}

TEST(SyncSeamsTest, EventsWrittenHookRunsAfterEachEventTransaction) {
  AppWorld world;
  auto kiosk = world.screen("kiosk-1", "kiosk");
  const int before = world.events_written();
  ASSERT_EQ(kiosk->act("scan", {{"payload", "4006381333931"}})["ok"], true);
  EXPECT_TRUE(witryna::test::wait_until([&] { return world.events_written() > before; }));
}

TEST(SyncSeamsTest, ScreenshotRoundTripAndTimeout) {
  auto options = default_options();
  options.screenshot_timeout = std::chrono::milliseconds(300);
  AppWorld world(options);
  auto kiosk = world.screen("kiosk-1", "kiosk");
  std::promise<Result<std::string>> got;
  world.call([&] {
    world.workflows().request_screenshot(
        "kiosk-1", [&](Result<std::string> r) { got.set_value(std::move(r)); });
    return 0;
  });
  // The screen answers the request it was sent.
  auto line = kiosk->client().read_line();
  ASSERT_TRUE(line);
  auto request = json::parse(*line);
  ASSERT_TRUE(request.contains("request")) << *line;
  ASSERT_TRUE(kiosk->client().send_line(json{
      {"action", "screenshot.result"},
      {"id", request["request"]["id"]},
      {"png_base64", "iVBORw0KGgo="}}.dump()));
  auto answer = got.get_future().get();
  ASSERT_TRUE(answer) << answer.error().code;
  EXPECT_EQ(*answer, "iVBORw0KGgo=");

  std::promise<Result<std::string>> silent;
  world.call([&] {
    world.workflows().request_screenshot(
        "kiosk-1", [&](Result<std::string> r) { silent.set_value(std::move(r)); });
    return 0;
  });
  auto timed_out = silent.get_future().get();
  ASSERT_FALSE(timed_out);
  EXPECT_EQ(timed_out.error().code, "timeout");

  std::promise<Result<std::string>> absent;
  world.call([&] {
    world.workflows().request_screenshot(
        "kiosk-9", [&](Result<std::string> r) { absent.set_value(std::move(r)); });
    return 0;
  });
  EXPECT_FALSE(absent.get_future().get());
}

}  // namespace
}  // namespace sync_seams_test
}  // namespace witryna::app::test
