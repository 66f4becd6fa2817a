// Offers for items that are low or out of stock here: alternatives, nearby
// stores, staleness, and dropping what nobody here can get.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "edge/core/offers/decide_offers.hpp"
#include "edge/core/offers/item_choice.hpp"
#include "tests/support/fake_catalog.hpp"

namespace witryna::core {
namespace offers_stock_test {
namespace {

using std::chrono::milliseconds;
using std::chrono::minutes;
const TimePoint kNow = from_unix_seconds(1795000000);
constexpr const char* kStore = "PL-WAW-001";

domain::NearbyStock nearby(std::string store, std::string sku, domain::NearbyLevel level,
                           std::int64_t distance, TimePoint as_of) {
  domain::NearbyStock n;
  n.store = std::move(store);
  n.name = "Shop " + n.store;
  n.sku = std::move(sku);
  n.level = level;
  n.distance_m = distance;
  n.as_of = as_of;
  return n;
}

domain::Offer sku_offer(std::vector<std::string> skus) {
  auto o = test::make_offer("OF-SKU", kNow);
  o.skus = std::move(skus);
  return o;
}

OfferDecision decide(const test::FakeCatalog& catalog, const domain::Offer& offer) {
  const std::vector<domain::Offer> offers = {offer};
  OfferRequest r;
  r.offers = offers;
  r.store = kStore;
  r.screen = "kiosk-1";
  r.now = kNow;
  return decide_offers(r, catalog);
}

TEST(OfferStock, LevelFromAvailable) {
  struct Case {
    std::optional<std::pair<int, int>> on_hand_reserved;
    StockState want;
  };
  const std::vector<Case> cases = {
      {std::nullopt, {StockLevel::kOut, 0}},  // no row: not available
      {{{0, 0}}, {StockLevel::kOut, 0}},
      {{{2, 3}}, {StockLevel::kOut, 0}},  // reserved above on hand: never below 0
      {{{1, 0}}, {StockLevel::kLow, 1}},
      {{{3, 1}}, {StockLevel::kLow, 2}},
      {{{4, 1}}, {StockLevel::kIn, 3}},
  };
  for (const auto& c : cases) {
    std::optional<domain::Stock> s;
    if (c.on_hand_reserved) {
      s = domain::Stock{"X", c.on_hand_reserved->first, c.on_hand_reserved->second, 1};
    }
    EXPECT_EQ(stock_state(s, 2), c.want);
  }
  EXPECT_STREQ(to_string(StockLevel::kIn), "in");
  EXPECT_STREQ(to_string(StockLevel::kLow), "low");
  EXPECT_STREQ(to_string(StockLevel::kOut), "out");
}

TEST(OfferStock, LowStockIsShownWithItsCount) {
  test::FakeCatalog catalog;
  catalog.add(test::make_product("DRS-1-M", "dresses", "M"), 3, 1);
  const auto d = decide(catalog, sku_offer({"DRS-1-M"}));
  ASSERT_EQ(d.offers.size(), 1U);
  EXPECT_EQ(d.offers[0].stock, (StockState{StockLevel::kLow, 2}));
  EXPECT_EQ(d.offers[0].reasons, (std::vector<std::string>{"only 2 left here"}));
}

TEST(OfferStock, FirstListedSkuInStockWins) {
  test::FakeCatalog catalog;
  catalog.add(test::make_product("DRS-1-M", "dresses", "M"), 0)
      .add(test::make_product("DRS-1-L", "dresses", "L"), 5)
      .add(test::make_product("DRS-1-S", "dresses", "S"), 5);
  const auto d = decide(catalog, sku_offer({"DRS-1-M", "DRS-1-L", "DRS-1-S"}));
  ASSERT_EQ(d.offers.size(), 1U);
  EXPECT_EQ(d.offers[0].sku, "DRS-1-L");
  EXPECT_FALSE(d.offers[0].alternative);
}

TEST(OfferStock, AlternativePrefersSameSize) {
  struct Case {
    const char* name;
    std::vector<std::string> alternatives;
    std::optional<std::string> want;
  };
  const std::vector<Case> cases = {
      {"same size wins over list order", {"ALT-L", "ALT-M"}, "ALT-M"},
      {"other size when no same size", {"ALT-L", "ALT-OUT-M"}, "ALT-L"},
      {"out of stock skipped", {"ALT-OUT-M"}, std::nullopt},
      {"unknown product skipped", {"ALT-GHOST"}, std::nullopt},
      {"itself skipped", {"DRS-1-M"}, std::nullopt},
  };
  for (const auto& c : cases) {
    test::FakeCatalog catalog;
    catalog.add(test::make_product("DRS-1-M", "dresses", "M", 10000, c.alternatives), 0)
        .add(test::make_product("ALT-L", "dresses", "L"), 5)
        .add(test::make_product("ALT-M", "dresses", "M"), 1)
        .add(test::make_product("ALT-OUT-M", "dresses", "M"), 1, 1)
        .set_stock("ALT-GHOST", 9);
    const auto p = catalog.product("DRS-1-M");
    const auto alt = find_alternative(*p, catalog, OfferConfig{});
    ASSERT_EQ(alt.has_value(), c.want.has_value()) << c.name;
    if (alt) {
      EXPECT_EQ(alt->sku, *c.want) << c.name;
    }
  }
}

TEST(OfferStock, OutOfStockWithAlternativeHere) {
  test::FakeCatalog catalog;
  catalog.add(test::make_product("DRS-1-M", "dresses", "M", 10000, {"DRS-2-M"}), 0)
      .add(test::make_product("DRS-2-M", "dresses", "M"), 4)
      .add_nearby(nearby("PL-WAW-002", "DRS-1-M", domain::NearbyLevel::kIn, 100, kNow));
  const auto d = decide(catalog, sku_offer({"DRS-1-M"}));
  ASSERT_EQ(d.offers.size(), 1U);
  const auto& o = d.offers[0];
  EXPECT_EQ(o.sku, "DRS-1-M");
  EXPECT_EQ(o.stock, (StockState{StockLevel::kOut, 0}));
  ASSERT_TRUE(o.alternative);
  EXPECT_EQ(o.alternative->sku, "DRS-2-M");
  EXPECT_EQ(o.alternative->size, "M");
  EXPECT_EQ(o.alternative->stock, (StockState{StockLevel::kIn, 4}));
  EXPECT_TRUE(o.nearby.empty());  // an item here is better than a trip
  EXPECT_EQ(o.reasons, (std::vector<std::string>{"a similar item is in stock here"}));
  ASSERT_EQ(d.events.size(), 2U);
  EXPECT_EQ(d.events[1].type, "alternative.suggested");
  EXPECT_EQ(d.events[1].fields.at("offer"), "OF-SKU");
  EXPECT_EQ(d.events[1].fields.at("sku"), "DRS-1-M");
  EXPECT_EQ(d.events[1].fields.at("alternative"), "DRS-2-M");
  EXPECT_EQ(d.events[1].fields.at("screen"), "kiosk-1");
}

TEST(OfferStock, OutOfStockWithNearbyStores) {
  test::FakeCatalog catalog;
  catalog.add(test::make_product("DRS-1-M", "dresses", "M"), 0)
      .add_nearby(nearby("PL-WAW-009", "DRS-1-M", domain::NearbyLevel::kOut, 50, kNow))
      .add_nearby(nearby(kStore, "DRS-1-M", domain::NearbyLevel::kIn, 0, kNow))
      .add_nearby(
          nearby("PL-WAW-002", "DRS-1-M", domain::NearbyLevel::kLow, 2400, kNow - minutes(5)))
      .add_nearby(nearby("PL-WAW-003", "DRS-1-M", domain::NearbyLevel::kIn, 1200,
                         kNow - minutes(5) - milliseconds(1)))
      .add_nearby(nearby("PL-WAW-004", "DRS-1-M", domain::NearbyLevel::kIn, 5000, kNow))
      .add_nearby(nearby("PL-WAW-005", "DRS-1-M", domain::NearbyLevel::kIn, 9000, kNow));
  const auto d = decide(catalog, sku_offer({"DRS-1-M"}));
  ASSERT_EQ(d.offers.size(), 1U);
  const auto& o = d.offers[0];
  EXPECT_FALSE(o.alternative);
  ASSERT_EQ(o.nearby.size(), 3U);  // max_nearby; level out and this store left out
  EXPECT_EQ(o.nearby[0].store, "PL-WAW-003");
  EXPECT_TRUE(o.nearby[0].stale);  // 5 min + 1 ms old
  EXPECT_EQ(o.nearby[0].as_of, kNow - minutes(5) - milliseconds(1));
  EXPECT_EQ(o.nearby[1].store, "PL-WAW-002");
  EXPECT_FALSE(o.nearby[1].stale);  // exactly 5 min old is not older than 5 min
  EXPECT_EQ(o.nearby[1].level, domain::NearbyLevel::kLow);
  EXPECT_EQ(o.nearby[2].store, "PL-WAW-004");
  EXPECT_EQ(o.reasons, (std::vector<std::string>{"available at Shop PL-WAW-003"}));
  ASSERT_EQ(d.events.size(), 1U);  // no alternative.suggested
}

TEST(OfferStock, DroppedWhenNobodyHereCanGetIt) {
  struct Case {
    const char* name;
    domain::Offer offer;
  };
  auto category = test::make_offer("OF-CAT", kNow);
  category.category = "coats";  // nothing of it in stock here
  const std::vector<Case> cases = {
      {"out here, no alternative, nearby only out", sku_offer({"DRS-1-M"})},
      {"unknown sku", sku_offer({"NOPE"})},
      {"nearby only in this very store", sku_offer({"DRS-2-M"})},
      {"category with nothing available", category},
  };
  for (const auto& c : cases) {
    test::FakeCatalog catalog;
    catalog.add(test::make_product("DRS-1-M", "dresses", "M", 10000, {"DRS-3-M"}), 0)
        .add(test::make_product("DRS-2-M", "dresses", "M"), 0)
        .add(test::make_product("DRS-3-M", "dresses", "M"), 0)
        .add(test::make_product("COAT-1-M", "coats", "M"), 1, 1)
        .add_nearby(nearby("PL-WAW-002", "DRS-1-M", domain::NearbyLevel::kOut, 10, kNow))
        .add_nearby(nearby(kStore, "DRS-2-M", domain::NearbyLevel::kIn, 0, kNow));
    const auto d = decide(catalog, c.offer);
    EXPECT_TRUE(d.offers.empty()) << c.name;
    EXPECT_TRUE(d.events.empty()) << c.name;
  }
}

TEST(OfferStock, StaleAfterIsConfigurable) {
  test::FakeCatalog catalog;
  catalog.add(test::make_product("DRS-1-M", "dresses", "M"), 0)
      .add_nearby(nearby("PL-WAW-002", "DRS-1-M", domain::NearbyLevel::kIn, 1, kNow - minutes(2)));
  OfferConfig config;
  config.nearby_stale_after = minutes(1);
  const auto n = find_nearby("DRS-1-M", catalog, config, kStore, kNow);
  ASSERT_EQ(n.size(), 1U);
  EXPECT_TRUE(n[0].stale);
}

}  // namespace
}  // namespace offers_stock_test
}  // namespace witryna::core
