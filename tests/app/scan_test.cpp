// Scans at a kiosk through the real socket: cards, app tokens, barcodes, junk.
#include <gtest/gtest.h>

#include "edge/store/shown_counters.hpp"
#include "tests/app/app_world.hpp"

namespace witryna::app::test {
namespace scan_test {
namespace {

using std::chrono::seconds;

bool has_offer(const json& view, const std::string& id) {
  for (const auto& o : view["offers"]) {
    if (o["offer"] == id) return true;
  }
  return false;
}

TEST(ScanTest, IdleKioskShowsGenericOffersOnly) {
  AppWorld world;
  auto kiosk = world.screen("kiosk-1", "kiosk");
  const auto& v = *kiosk->last_view();
  EXPECT_EQ(v["mode"], "idle");
  EXPECT_TRUE(v["customer"].is_null());
  EXPECT_TRUE(has_offer(v, "OF-ALL"));
  EXPECT_FALSE(has_offer(v, "OF-DRS"));  // personalized: never on an anonymous screen
  EXPECT_EQ(v["status"]["online"], false);
  EXPECT_EQ(v["status"]["version"], "test");
}

TEST(ScanTest, CardShowsCustomerViewAndRecordsEventsWithShownCounters) {
  AppWorld world;
  auto kiosk = world.screen("kiosk-1", "kiosk");
  auto r = kiosk->act("scan", {{"payload", kAnnaCard}});
  ASSERT_EQ(r["ok"], true) << r.dump();
  auto v = kiosk->view_mode("customer");
  ASSERT_TRUE(v);
  EXPECT_EQ((*v)["customer"]["id"], "C-000123");
  EXPECT_EQ((*v)["customer"]["display_name"], "Anna");
  EXPECT_EQ((*v)["customer"]["tier"], "gold");
  EXPECT_EQ((*v)["customer"]["points"], 1250);
  EXPECT_EQ((*v)["customer"]["personalized"], true);
  ASSERT_TRUE(has_offer(*v, "OF-DRS"));
  const auto& first = (*v)["offers"][0];
  EXPECT_EQ(first["offer"], "OF-DRS");  // priority 50 before 10
  EXPECT_FALSE(first["reasons"].empty());
  EXPECT_EQ(first["sku"], "DRS-0042-M-RED");  // her size
  EXPECT_EQ(first["stock"]["available"], 3);
  ASSERT_EQ((*v)["reservations"].size(), 1u);
  EXPECT_EQ((*v)["reservations"][0]["reservation"], "R-9001");
  EXPECT_EQ((*v)["reservations"][0]["name"], "Linen dress");

  auto scans = world.events_of("scan");
  ASSERT_EQ(scans.size(), 1u);
  EXPECT_EQ(scans[0]["customer"], "C-000123");
  EXPECT_EQ(scans[0]["outcome"], "card");
  EXPECT_FALSE(scans[0].dump().find(kAnnaCard) != std::string::npos);  // never the card number
  auto shown = world.events_of("offers.shown");
  ASSERT_EQ(shown.size(), 1u);
  EXPECT_EQ(shown[0]["customer"], "C-000123");
  EXPECT_EQ(world.call([&] {
    return must(store::shown_count(world.db(), "C-000123", "OF-DRS", now_ms()));
  }),
            1);
  EXPECT_GE(world.events_written(), 1);
}

TEST(ScanTest, NoConsentMeansNoNameAndGenericOffers) {
  AppWorld world;
  auto kiosk = world.screen("kiosk-1", "kiosk");
  ASSERT_EQ(kiosk->act("scan", {{"payload", kBobCard}})["ok"], true);
  auto v = kiosk->view_mode("customer");
  ASSERT_TRUE(v);
  EXPECT_TRUE((*v)["customer"]["display_name"].is_null());
  EXPECT_EQ((*v)["customer"]["personalized"], false);
  EXPECT_FALSE(has_offer(*v, "OF-DRS"));
  EXPECT_TRUE((*v)["history"].is_null());
}

TEST(ScanTest, UnknownCardProductBarcodeAndJunkShowAMessageWithNothingPersonal) {
  AppWorld world;
  auto kiosk = world.screen("kiosk-1", "kiosk");
  ASSERT_EQ(kiosk->act("scan", {{"payload", kAnnaCard}})["ok"], true);
  ASSERT_TRUE(kiosk->view_mode("customer"));

  const std::vector<std::pair<std::string, std::string>> cases = {
      {"2900000000025", "unknown_card"},         // valid brand EAN, no profile
      {"4006381333931", "unrecognized"},         // a product barcode
      {"2900000123451", "invalid_check_digit"},  // a typo
      {std::string("29000\x01"
                   "00123458"),
       "malformed"},  // control character
      {"hello, world!", "unrecognized"},
      {std::string(5000, 'A'), "malformed"},  // longer than 4096 bytes
  };
  for (const auto& [payload, code] : cases) {
    auto r = kiosk->act("scan", {{"payload", payload}});
    EXPECT_EQ(r["ok"], true) << code;
    auto v = kiosk->view_until([&](const json& view) {
      return view["mode"] == "message" && view["message"]["code"] == code;
    });
    ASSERT_TRUE(v) << code << " last: " << kiosk->last_view()->dump();
    EXPECT_TRUE((*v)["customer"].is_null()) << code;
    EXPECT_TRUE((*v)["reservations"].empty()) << code;
    EXPECT_TRUE((*v)["history"].is_null()) << code;
    for (const auto& o : (*v)["offers"])
      EXPECT_NE(o["offer"], "OF-DRS") << code;
  }
  // The unknown card gets the generic screen (codes.md §1).
  auto last_scans = world.events_of("scan");
  EXPECT_EQ(last_scans.size(), 1u + cases.size());
}

TEST(ScanTest, AppTokenIdentifiesOnceAndRefusesReplayExpiredForgedAndUnknown) {
  AppWorld world;
  auto kiosk = world.screen("kiosk-1", "kiosk");
  const auto token = world.token("C-000123", core::AppTokenType::kId);
  ASSERT_EQ(kiosk->act("scan", {{"payload", token}})["ok"], true);
  auto v = kiosk->view_mode("customer");
  ASSERT_TRUE(v);
  EXPECT_EQ((*v)["customer"]["id"], "C-000123");

  auto expect_message = [&](const std::string& payload, const std::string& code) {
    ASSERT_EQ(kiosk->act("scan", {{"payload", payload}})["ok"], true);
    auto m = kiosk->view_until([&](const json& view) {
      return view["mode"] == "message" && view["message"]["code"] == code;
    });
    ASSERT_TRUE(m) << code << " last: " << kiosk->last_view()->dump();
    EXPECT_TRUE((*m)["customer"].is_null());
  };
  expect_message(token, "replayed");
  expect_message(world.token("C-000123", core::AppTokenType::kId, {}, seconds(-1000)), "expired");
  std::string forged = world.token("C-000123", core::AppTokenType::kId);
  forged.back() = forged.back() == 'A' ? 'B' : 'A';
  expect_message(forged, "bad_signature");
  // Spent even so: the jti is committed before the message.
  const auto unknown = world.token("C-999999", core::AppTokenType::kId);
  expect_message(unknown, "unknown_customer");
  expect_message(unknown, "replayed");
  expect_message(world.token("C-000123", core::AppTokenType::kId, {}, seconds(0), seconds(3600)),
                 "lifetime_too_long");
}

TEST(ScanTest, TokenOfAnErasedCustomerIsUnknownAndShowsNothingPersonal) {
  AppWorld world;
  auto kiosk = world.screen("kiosk-1", "kiosk");
  world.central("profiles",
                json::array({{{"customer", "C-000123"}, {"ver", 9}, {"deleted", true}}}));
  for (const auto typ : {core::AppTokenType::kId, core::AppTokenType::kSvc}) {
    ASSERT_EQ(kiosk->act("scan", {{"payload", world.token("C-000123", typ)}})["ok"], true);
    auto m = kiosk->view_until([](const json& view) {
      return view["mode"] == "message" && view["message"]["code"] == "unknown_customer";
    });
    ASSERT_TRUE(m) << kiosk->last_view()->dump();
    EXPECT_TRUE((*m)["customer"].is_null());
    EXPECT_EQ(m->dump().find("Anna"), std::string::npos);
  }
  EXPECT_TRUE(world.events_of("offers.shown").empty());
}

TEST(ScanTest, AProbeTracesEachScanPhaseByPhase) {
  AppWorld world;
  ScanProbe probe;
  world.call([&] {
    world.workflows().set_scan_probe(&probe);
    return 0;
  });
  auto kiosk = world.screen("kiosk-1", "kiosk");
  ASSERT_EQ(kiosk->act("scan", {{"payload", kAnnaCard}})["ok"], true);
  ASSERT_TRUE(kiosk->view_mode("customer"));
  ASSERT_EQ(kiosk->act("session.end", json::object())["ok"], true);  // not a scan: no trace
  ASSERT_TRUE(kiosk->view_mode("idle"));
  ASSERT_EQ(
      kiosk->act("scan", {{"payload", world.token("C-000123", core::AppTokenType::kId)}})["ok"],
      true);
  ASSERT_TRUE(kiosk->view_mode("customer"));
  const auto traces = world.call([&] {
    world.workflows().set_scan_probe(nullptr);
    return probe.traces();
  });
  ASSERT_EQ(traces.size(), 2u);
  for (const auto& t : traces) {
    EXPECT_GT(t.total_ns, 0);
    EXPECT_GT(t.ns[static_cast<std::size_t>(ScanPhase::kDecide)], 0);
    EXPECT_GT(t.ns[static_cast<std::size_t>(ScanPhase::kCommit)], 0);
    EXPECT_GE(t.counts[static_cast<std::size_t>(ScanCount::kOffersShown)], 1);
  }
  EXPECT_EQ(traces[0].ns[static_cast<std::size_t>(ScanPhase::kProfileCheck)], 0);  // a card
  EXPECT_GT(traces[1].ns[static_cast<std::size_t>(ScanPhase::kProfileCheck)], 0);  // a token
}

TEST(ScanTest, ReplayIsRefusedAcrossScreens) {
  AppWorld world;
  auto k1 = world.screen("kiosk-1", "kiosk");
  auto k2 = world.screen("kiosk-2", "kiosk");
  const auto token = world.token("C-000123", core::AppTokenType::kId);
  ASSERT_EQ(k1->act("scan", {{"payload", token}})["ok"], true);
  ASSERT_TRUE(k1->view_mode("customer"));
  ASSERT_EQ(k2->act("scan", {{"payload", token}})["ok"], true);
  auto m = k2->view_mode("message");
  ASSERT_TRUE(m);
  EXPECT_EQ((*m)["message"]["code"], "replayed");
}

TEST(ScanTest, ServiceTokenShowsHistoryOnlyWithConsent) {
  AppWorld world;
  auto kiosk = world.screen("kiosk-1", "kiosk");
  ASSERT_EQ(
      kiosk->act("scan", {{"payload", world.token("C-000123", core::AppTokenType::kSvc)}})["ok"],
      true);
  auto v = kiosk->view_mode("service");
  ASSERT_TRUE(v);
  ASSERT_TRUE((*v)["history"].is_array());
  EXPECT_EQ((*v)["history"][0]["note"], "asked about linen care");

  ASSERT_EQ(
      kiosk->act("scan", {{"payload", world.token("C-000200", core::AppTokenType::kSvc)}})["ok"],
      true);
  auto b = kiosk->view_until([](const json& view) {
    return view["mode"] == "service" && view["customer"]["id"] == "C-000200";
  });
  ASSERT_TRUE(b);
  EXPECT_TRUE((*b)["history"].is_null());
  EXPECT_EQ(b->dump().find("private note"), std::string::npos);

  auto opened = world.events_of("service.opened");
  ASSERT_EQ(opened.size(), 2u);
  EXPECT_EQ(opened[0]["history_shown"], true);
  EXPECT_EQ(opened[1]["history_shown"], false);
}

TEST(ScanTest, UnconfiguredScreenIsRefused) {
  AppWorld world;
  Screen stranger(world.socket());
  EXPECT_FALSE(stranger.hello("kiosk-9", "kiosk"));
  Screen wrong_till(world.socket());
  EXPECT_FALSE(wrong_till.hello("checkout-1", "checkout", "T9"));
}

}  // namespace
}  // namespace scan_test
}  // namespace witryna::app::test
