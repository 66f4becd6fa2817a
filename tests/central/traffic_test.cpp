#include "tools/central/traffic.hpp"

#include <gtest/gtest.h>

#include "edge/core/codes/app_code.hpp"

namespace witryna::central {
namespace traffic_test {
namespace {

const TimePoint kNow = from_unix_seconds(1795000000);

std::string fake_sha(std::string_view text) {
  return "h-" + std::string(text);
}

class TrafficTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(world.put(Stream::kCatalog, {{"kind", "product"}, {"sku", "A"}, {"ver", 1}}));
    ASSERT_TRUE(world.put(Stream::kCatalog, {{"kind", "product"}, {"sku", "B"}, {"ver", 1}}));
    ASSERT_TRUE(
        world.put(Stream::kStock, {{"sku", "A"}, {"on_hand", 3}, {"reserved", 1}, {"ver", 10}}));
    ASSERT_TRUE(
        world.put(Stream::kStock, {{"sku", "B"}, {"on_hand", 0}, {"reserved", 0}, {"ver", 4}}));
    ASSERT_TRUE(world.put(Stream::kProfiles, {{"customer", "C-1"},
                                              {"ver", 5},
                                              {"name", "Anna"},
                                              {"consents", {{"personalization", true}}}}));
    ASSERT_TRUE(world.put(Stream::kProfiles, {{"customer", "C-2"}, {"ver", 2}}));
  }
  WorldState world;
  Rng rng{7};
};

TEST_F(TrafficTest, StockKeepsReservedAndBumpsVer) {
  auto change = set_stock(world, "A", 5, std::nullopt);
  ASSERT_TRUE(change);
  ASSERT_EQ(change->items.size(), 1u);
  EXPECT_EQ(change->items[0].first, Stream::kStock);
  EXPECT_EQ(change->items[0].second,
            (Json{{"sku", "A"}, {"on_hand", 5}, {"reserved", 1}, {"ver", 11}}));
  EXPECT_EQ(set_stock(world, "Z", 1, std::nullopt).error().code, errc::kNotFound);
  EXPECT_EQ(set_stock(world, "A", -1, std::nullopt).error().code, errc::kInvalidValue);
}

TEST_F(TrafficTest, RandomStockChangeStaysValid) {
  for (int i = 0; i < 20; ++i) {
    auto change = random_stock_change(world, rng);
    ASSERT_TRUE(change);
    const Json& item = change->items[0].second;
    EXPECT_GE(item["on_hand"].get<int>(), 0);
    EXPECT_GT(item_ver(item), item_ver(*world.find(Stream::kStock, item["sku"])));
  }
}

TEST_F(TrafficTest, NewReservationTakesStockThatIsAvailable) {
  auto change = new_reservation(world, rng, kNow, "PL-WAW-001", ReservationRequest{});
  ASSERT_TRUE(change);
  ASSERT_EQ(change->items.size(), 2u);
  const Json& r = change->items[0].second;
  EXPECT_EQ(r["reservation"], "R-9001");
  EXPECT_EQ(r["sku"], "A");  // B has nothing on the shelf
  EXPECT_EQ(r["status"], "ready");
  EXPECT_EQ(r["store"], "PL-WAW-001");
  EXPECT_EQ(change->items[1].second["reserved"], 2);
  EXPECT_EQ(change->items[1].second["ver"], 11);

  ReservationRequest bad;
  bad.status = "lost";
  EXPECT_FALSE(new_reservation(world, rng, kNow, "S", bad));
  bad = ReservationRequest{};
  bad.customer = "C-404";
  EXPECT_EQ(new_reservation(world, rng, kNow, "S", bad).error().code, errc::kNotFound);
}

TEST_F(TrafficTest, PickupTakesTheItemOffTheShelf) {
  ASSERT_TRUE(world.put(Stream::kReservations,
                        {{"reservation", "R-1"}, {"sku", "A"}, {"status", "ready"}, {"ver", 3}}));
  auto change = reservation_status(world, "R-1", "picked_up");
  ASSERT_TRUE(change);
  ASSERT_EQ(change->items.size(), 2u);
  EXPECT_EQ(change->items[0].second["status"], "picked_up");
  EXPECT_EQ(change->items[0].second["ver"], 4);
  EXPECT_EQ(change->items[1].second["on_hand"], 2);
  EXPECT_EQ(change->items[1].second["reserved"], 0);
}

TEST_F(TrafficTest, NewCodeIsValidAndOnlyItsHashIsSent) {
  CodeRequest request;
  request.customer = "C-1";
  request.amount_minor = 3000;
  request.scope = "brand";
  auto change = new_code(world, rng, kNow, request, fake_sha);
  ASSERT_TRUE(change);
  const Json& item = change->items[0].second;
  const std::string hash = item["code_hash"];
  ASSERT_EQ(hash.rfind("h-", 0), 0u);
  EXPECT_TRUE(core::app_code_check_ok(hash.substr(2)));
  EXPECT_EQ(item["scope"], "brand");
  EXPECT_EQ(item["benefit"]["value"], 3000);
  EXPECT_EQ(item["customer"], "C-1");
  // The note carries the code in clear for the operator, formatted XXXX-XXXX-C.
  EXPECT_NE(change->note.find(core::format_app_code(hash.substr(2))), std::string::npos);
  request.scope = "planet";
  EXPECT_FALSE(new_code(world, rng, kNow, request, fake_sha));
}

TEST_F(TrafficTest, ConsentAndErasure) {
  auto consent = set_consent(world, "C-1", "personalization", false);
  ASSERT_TRUE(consent);
  EXPECT_EQ(consent->items[0].second["consents"]["personalization"], false);
  EXPECT_EQ(consent->items[0].second["name"], "Anna");
  EXPECT_EQ(consent->items[0].second["ver"], 6);
  EXPECT_FALSE(set_consent(world, "C-1", "telepathy", true));

  auto erased = erase_customer(world, "C-1");
  ASSERT_TRUE(erased);
  EXPECT_EQ(erased->items[0].second, (Json{{"customer", "C-1"}, {"ver", 6}, {"deleted", true}}));

  // Random changes leave the demo customers alone.
  for (int i = 0; i < 10; ++i) {
    auto e = random_erasure(world, rng, {"C-1"});
    ASSERT_TRUE(e);
    EXPECT_EQ(e->items[0].second["customer"], "C-2");
  }
  EXPECT_FALSE(random_consent_change(world, rng, {"C-1", "C-2"}));
}

}  // namespace
}  // namespace traffic_test
}  // namespace witryna::central
