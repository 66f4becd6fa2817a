#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "edge/core/offers/decide_offers.hpp"
#include "tests/support/fake_catalog.hpp"

namespace witryna::core {
namespace offers_decision_test {
namespace {

const TimePoint kNow = from_unix_seconds(1795000000);

class OfferDecisionTest : public ::testing::Test {
 protected:
  OfferDecisionTest() {
    catalog_.add(test::make_product("DRS-0010-M-BLK", "dresses", "M", 45000), 4)
        .add(test::make_product("DRS-0042-M-RED", "dresses", "M", 24999), 5)
        .add(test::make_product("DRS-0042-S-RED", "dresses", "S", 24999), 5)
        .add(test::make_product("DRS-0060-L-GRN", "dresses", "L", 12000), 9)
        .add(test::make_product("SHO-0001-40-BLK", "shoes", "40", 30000), 3);
  }

  static domain::Profile anna(bool consent) {
    domain::Profile p;
    p.customer = "C-000123";
    p.segment = "active";
    p.tier = "gold";
    p.consents.personalization = consent;
    p.preferences.sizes = {"M"};
    p.preferences.categories = {"dresses"};
    p.preferences.budget_minor = 30000;
    p.affinities = {{"dresses", 0.8}, {"shoes", 0.3}};
    return p;
  }

  static domain::Offer category_offer(std::string id, std::string category, int priority = 0) {
    auto o = test::make_offer(std::move(id), kNow, priority);
    o.category = std::move(category);
    return o;
  }

  // `offers` must outlive the request (it holds a view of them).
  OfferRequest request(const std::vector<domain::Offer>& offers,
                       std::optional<domain::Profile> profile = std::nullopt) const {
    OfferRequest r;
    r.profile = std::move(profile);
    r.offers = offers;
    r.store = "PL-WAW-001";
    r.screen = "kiosk-1";
    r.now = kNow;
    return r;
  }

  static std::vector<std::string> ids(const OfferDecision& d) {
    std::vector<std::string> out;
    for (const auto& o : d.offers)
      out.push_back(o.offer);
    return out;
  }

  static bool has_personal_reason(const ShownOffer& o) {
    return std::any_of(o.reasons.begin(), o.reasons.end(), [](const std::string& r) {
      return r.rfind("you ", 0) == 0 || r.rfind("your ", 0) == 0 || r == "within your budget";
    });
  }

  test::FakeCatalog catalog_;
};

TEST_F(OfferDecisionTest, PersonalReasonsWithConsent) {
  auto profile = anna(true);
  profile.recent = {{"DRS-0010-M-BLK", "web", kNow - std::chrono::hours(20), "viewed"}};
  auto offer = category_offer("OF-DRS", "dresses");
  offer.personalized = true;
  const auto d = decide_offers(request({offer}, profile), catalog_);
  ASSERT_EQ(d.offers.size(), 1U);
  EXPECT_TRUE(d.personalized);
  EXPECT_FALSE(d.control_group);
  const auto& o = d.offers[0];
  EXPECT_EQ(o.sku, "DRS-0010-M-BLK");  // looked at online beats budget
  EXPECT_EQ(o.reasons, (std::vector<std::string>{"you looked at this online", "you like dresses",
                                                 "your size M is in stock"}));
  ASSERT_TRUE(o.stock);
  EXPECT_EQ(o.stock->level, StockLevel::kIn);
  EXPECT_EQ(o.stock->available, 4);
}

TEST_F(OfferDecisionTest, ItemChoiceFollowsSizeThenBudgetOnlyWithConsent) {
  struct Case {
    const char* name;
    std::optional<domain::Profile> profile;
    std::vector<std::string> sizes;
    const char* want_sku;
  };
  const std::vector<Case> cases = {
      {"anonymous: first by sku", std::nullopt, {}, "DRS-0010-M-BLK"},
      {"no consent: preferences unused", anna(false), {"M"}, "DRS-0010-M-BLK"},
      {"size M, within budget", anna(true), {"M"}, "DRS-0042-M-RED"},
      {"size L", anna(true), {"L"}, "DRS-0060-L-GRN"},
      {"second size when first has none", anna(true), {"XL", "S"}, "DRS-0042-S-RED"},
      {"no size in stock: any size within budget", anna(true), {"XL"}, "DRS-0042-M-RED"},
  };
  for (auto c : cases) {
    if (c.profile) c.profile->preferences.sizes = c.sizes;
    const auto d =
        decide_offers(request({category_offer("OF-DRS", "dresses")}, c.profile), catalog_);
    ASSERT_EQ(d.offers.size(), 1U) << c.name;
    EXPECT_EQ(d.offers[0].sku, c.want_sku) << c.name;
  }
}

TEST_F(OfferDecisionTest, WithoutConsentNoPersonalOffersAndGenericReasonsOnly) {
  auto profile = anna(false);
  profile.recent = {{"DRS-0010-M-BLK", "web", kNow, "viewed"}};
  auto personal = category_offer("OF-P", "dresses");
  personal.personalized = true;
  auto segment = category_offer("OF-S", "dresses");
  segment.segments = {"active"};
  auto gold = category_offer("OF-G", "dresses");
  gold.tiers = {"gold"};
  const auto generic = category_offer("OF-X", "dresses");
  const auto store_wide = test::make_offer("OF-W", kNow);

  const auto d =
      decide_offers(request({personal, segment, gold, generic, store_wide}, profile), catalog_);
  EXPECT_FALSE(d.personalized);
  EXPECT_FALSE(d.control_group);
  EXPECT_EQ(ids(d), (std::vector<std::string>{"OF-G", "OF-W", "OF-X"}));
  for (const auto& o : d.offers) {
    EXPECT_FALSE(o.reasons.empty()) << o.offer;
    EXPECT_FALSE(has_personal_reason(o)) << o.offer << ": " << o.reasons.front();
  }
  EXPECT_EQ(d.offers[0].reasons,
            (std::vector<std::string>{"gold members' offer", "in stock here"}));
  EXPECT_EQ(d.offers[1].reasons, (std::vector<std::string>{"on everything in the store"}));
  EXPECT_EQ(d.offers[2].reasons, (std::vector<std::string>{"in stock here"}));
}

TEST_F(OfferDecisionTest, RankingIsPriorityThenMatchThenId) {
  const std::vector<domain::Offer> offers = {
      category_offer("OF-A", "shoes", 10), category_offer("OF-B", "dresses", 10),
      test::make_offer("OF-C", kNow, 20), test::make_offer("OF-D", kNow, 5)};
  struct Case {
    const char* name;
    std::optional<domain::Profile> profile;
    std::vector<std::string> want;
  };
  const std::vector<Case> cases = {
      {"consent: dresses match beats shoes", anna(true), {"OF-C", "OF-B", "OF-A", "OF-D"}},
      {"no consent: id order", anna(false), {"OF-C", "OF-A", "OF-B", "OF-D"}},
      {"anonymous: id order", std::nullopt, {"OF-C", "OF-A", "OF-B", "OF-D"}},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(ids(decide_offers(request(offers, c.profile), catalog_)), c.want) << c.name;
  }
}

TEST_F(OfferDecisionTest, DeterministicWhateverTheInputOrder) {
  std::vector<domain::Offer> offers;
  for (int i = 0; i < 8; ++i) {
    offers.push_back(category_offer("OF-" + std::to_string(i), i % 2 ? "shoes" : "dresses", i % 3));
  }
  const auto first = ids(decide_offers(request(offers, anna(true)), catalog_));
  std::reverse(offers.begin(), offers.end());
  EXPECT_EQ(ids(decide_offers(request(offers, anna(true)), catalog_)), first);
  std::rotate(offers.begin(), offers.begin() + 3, offers.end());
  EXPECT_EQ(ids(decide_offers(request(offers, anna(true)), catalog_)), first);
  EXPECT_EQ(first.size(), 4U);
}

TEST_F(OfferDecisionTest, MaxOnScreen) {
  std::vector<domain::Offer> offers;
  for (int i = 1; i <= 6; ++i)
    offers.push_back(test::make_offer("OF-" + std::to_string(i), kNow, i));
  struct Case {
    std::size_t max;
    std::vector<std::string> want;
  };
  const std::vector<Case> cases = {
      {4, {"OF-6", "OF-5", "OF-4", "OF-3"}},
      {1, {"OF-6"}},
      {10, {"OF-6", "OF-5", "OF-4", "OF-3", "OF-2", "OF-1"}},
      {0, {}},
  };
  for (const auto& c : cases) {
    auto r = request(offers, anna(true));
    r.config.max_on_screen = c.max;
    const auto d = decide_offers(r, catalog_);
    EXPECT_EQ(ids(d), c.want) << c.max;
    EXPECT_EQ(d.events.empty(), c.want.empty()) << c.max;
  }
}

TEST_F(OfferDecisionTest, LowerPrioritiesAreNotLookedUpOnceTheScreenIsFull) {
  std::vector<domain::Offer> offers;
  for (int i = 0; i < 4; ++i)
    offers.push_back(test::make_offer("OF-W" + std::to_string(i), kNow, 9));
  offers.push_back(category_offer("OF-DRS", "dresses", 1));
  const auto d = decide_offers(request(offers, anna(true)), catalog_);
  EXPECT_EQ(d.offers.size(), 4U);
  EXPECT_EQ(catalog_.category_queries(), 0);
}

TEST_F(OfferDecisionTest, DailyCapPerCustomer) {
  auto capped = test::make_offer("OF-CAP", kNow, 5);
  capped.max_per_day = 2;
  const auto other = test::make_offer("OF-OTHER", kNow, 1);
  struct Case {
    int shown;
    std::vector<std::string> want;
  };
  for (const auto& c : std::vector<Case>{{0, {"OF-CAP", "OF-OTHER"}},
                                         {1, {"OF-CAP", "OF-OTHER"}},
                                         {2, {"OF-OTHER"}},
                                         {3, {"OF-OTHER"}}}) {
    const std::vector<domain::Offer> offers = {capped, other};
    auto r = request(offers, anna(false));
    r.shown_today = {{"OF-CAP", c.shown}};
    EXPECT_EQ(ids(decide_offers(r, catalog_)), c.want) << c.shown;
  }
}

TEST_F(OfferDecisionTest, ValidityWindowInTheDecision) {
  auto ends = test::make_offer("OF-END", kNow);
  ends.valid_to = kNow;  // ended exactly now
  auto starts = test::make_offer("OF-START", kNow);
  starts.valid_from = kNow;  // starts exactly now
  auto later = test::make_offer("OF-LATER", kNow);
  later.valid_from = kNow + std::chrono::milliseconds(1);
  EXPECT_EQ(ids(decide_offers(request({ends, starts, later}), catalog_)),
            (std::vector<std::string>{"OF-START"}));
}

TEST_F(OfferDecisionTest, IdleShowsOnlyUntargetedOffers) {
  auto personal = test::make_offer("OF-P", kNow);
  personal.personalized = true;
  auto gold = test::make_offer("OF-G", kNow);
  gold.tiers = {"gold"};
  auto segment = test::make_offer("OF-S", kNow);
  segment.segments = {"active"};
  const auto generic = test::make_offer("OF-X", kNow);
  const std::vector<domain::Offer> offers = {personal, gold, segment, generic};
  const auto d = decide_idle_offers(offers, catalog_, OfferConfig{}, "PL-WAW-001", "kiosk-1", kNow);
  EXPECT_EQ(ids(d), (std::vector<std::string>{"OF-X"}));
  EXPECT_FALSE(d.personalized);
  ASSERT_EQ(d.events.size(), 1U);
  EXPECT_FALSE(d.events[0].fields.contains("customer"));
}

TEST_F(OfferDecisionTest, StoreWideOfferHasNoItem) {
  auto o = test::make_offer("OF-W", kNow);
  o.valid_to = kNow + std::chrono::hours(2);
  const auto d = decide_offers(request({o}, anna(true)), catalog_);
  ASSERT_EQ(d.offers.size(), 1U);
  EXPECT_FALSE(d.offers[0].sku);
  EXPECT_FALSE(d.offers[0].stock);
  EXPECT_EQ(d.offers[0].reasons,
            (std::vector<std::string>{"on everything in the store", "ends soon"}));
  EXPECT_EQ(d.offers[0].title, "Offer OF-W");
  EXPECT_EQ(d.offers[0].benefit, o.benefit);
}

TEST_F(OfferDecisionTest, OffersShownEvent) {
  const auto d = decide_offers(
      request({test::make_offer("OF-1", kNow, 2), test::make_offer("OF-2", kNow, 1)}, anna(true)),
      catalog_);
  ASSERT_EQ(d.events.size(), 1U);
  const auto& e = d.events[0];
  EXPECT_EQ(e.type, "offers.shown");
  EXPECT_EQ(e.at, kNow);
  EXPECT_EQ(e.fields.at("screen"), "kiosk-1");
  EXPECT_EQ(e.fields.at("customer"), "C-000123");
  EXPECT_EQ(e.fields.at("offers"), nlohmann::json::array({"OF-1", "OF-2"}));
  EXPECT_EQ(e.fields.at("personalized"), true);
  EXPECT_EQ(e.fields.at("control_group"), false);
}

TEST_F(OfferDecisionTest, ConfigValidation) {
  EXPECT_TRUE(validate(OfferConfig{}));
  auto c = OfferConfig{};
  c.control_group_percent = 101;
  EXPECT_FALSE(validate(c));
  c = OfferConfig{};
  c.max_on_screen = 51;
  EXPECT_FALSE(validate(c));
  c = OfferConfig{};
  c.max_reasons = 0;
  EXPECT_FALSE(validate(c));
  c = OfferConfig{};
  c.nearby_stale_after = Millis(0);
  const auto r = validate(c);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, errc::kConfig);
  EXPECT_NE(r.error().context.find("nearby_stale_after"), std::string::npos);
}

}  // namespace
}  // namespace offers_decision_test
}  // namespace witryna::core
