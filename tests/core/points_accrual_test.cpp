#include <gtest/gtest.h>

#include <chrono>
#include <limits>
#include <string>
#include <vector>

#include "edge/core/points/accrual.hpp"
#include "tests/support/fake_catalog.hpp"

namespace witryna::core {
namespace points_accrual_test {
namespace {

const TimePoint kNow = from_unix_seconds(1795000000);

domain::Profile customer(std::string tier, bool consent = true) {
  domain::Profile p;
  p.customer = "C-000123";
  p.tier = std::move(tier);
  p.segment = "active";
  p.consents.personalization = consent;
  return p;
}

domain::Offer points_offer(std::string id, std::int64_t multiplier) {
  auto o = test::make_offer(std::move(id), kNow);
  o.benefit = {domain::BenefitType::kPoints, multiplier, std::nullopt};
  return o;
}

Purchase purchase(std::optional<domain::Profile> profile, std::int64_t amount,
                  std::vector<domain::Offer> offers = {}) {
  Purchase p;
  p.profile = std::move(profile);
  p.receipt = "RC-77";
  p.amount_minor = amount;
  p.currency = "PLN";
  p.till = "T2";
  p.offers = std::move(offers);
  p.now = kNow;
  return p;
}

TEST(PointsAccrual, BaseAndTier) {
  struct Case {
    const char* tier;
    std::int64_t amount;
    std::int64_t want;
  };
  const std::vector<Case> cases = {
      {"", 24999, 249},                                // 1 point per full 1.00
      {"bronze", 24999, 249},                          // tier not configured: 1×
      {"gold", 24999, 498},   {"silver", 24999, 373},  // 249 × 1.5 = 373.5, rounded down
      {"gold", 100, 2},       {"gold", 99, 0},         // below one unit
  };
  for (const auto& c : cases) {
    const auto d = decide_points(purchase(customer(c.tier), c.amount), PointsConfig{});
    EXPECT_EQ(d.points, c.want) << c.tier << " " << c.amount;
    EXPECT_EQ(d.outcome, c.want > 0 ? PointsOutcome::kAccrued : PointsOutcome::kNothingToAccrue)
        << c.tier << " " << c.amount;
    EXPECT_EQ(d.event.has_value(), c.want > 0);
  }
}

TEST(PointsAccrual, PointsOffers) {
  auto personal = points_offer("OF-P5", 5);
  personal.personalized = true;
  auto item_bound = points_offer("OF-CAT9", 9);
  item_bound.category = "dresses";
  auto ended = points_offer("OF-END8", 8);
  ended.valid_to = kNow;
  auto silver_only = points_offer("OF-SIL7", 7);
  silver_only.tiers = {"silver"};
  auto percent = test::make_offer("OF-PCT", kNow);  // not a points offer
  percent.benefit.value = 50;
  struct Case {
    const char* name;
    bool consent;
    std::vector<domain::Offer> offers;
    std::int64_t want_points;
    std::optional<std::string> want_offer;
  };
  const std::vector<Case> cases = {
      {"none", true, {}, 200, std::nullopt},
      {"triple points, gold stacks", true, {points_offer("OF-X3", 3)}, 600, "OF-X3"},
      {"best of two, no stacking",
       true,
       {points_offer("OF-X2", 2), points_offer("OF-X3", 3)},
       600,
       "OF-X3"},
      {"tie: lowest id", true, {points_offer("OF-B", 3), points_offer("OF-A", 3)}, 600, "OF-A"},
      {"personalized with consent", true, {personal}, 1000, "OF-P5"},
      {"personalized without consent", false, {personal}, 200, std::nullopt},
      {"item-bound offer not applied", true, {item_bound}, 200, std::nullopt},
      {"ended offer not applied", true, {ended}, 200, std::nullopt},
      {"other tier's offer not applied", true, {silver_only}, 200, std::nullopt},
      {"percent offer ignored", true, {percent}, 200, std::nullopt},
      {"zero multiplier ignored", true, {points_offer("OF-0", 0)}, 200, std::nullopt},
  };
  for (const auto& c : cases) {
    const auto d =
        decide_points(purchase(customer("gold", c.consent), 10000, c.offers), PointsConfig{});
    EXPECT_EQ(d.points, c.want_points) << c.name;
    EXPECT_EQ(d.offer, c.want_offer) << c.name;
  }
}

TEST(PointsAccrual, IdempotentPerReceipt) {
  auto p = purchase(customer("gold"), 10000, {points_offer("OF-X3", 3)});
  const auto first = decide_points(p, PointsConfig{});
  EXPECT_EQ(first.outcome, PointsOutcome::kAccrued);
  EXPECT_EQ(first.points, 600);
  p.receipt_seen = true;
  for (int i = 0; i < 3; ++i) {
    const auto again = decide_points(p, PointsConfig{});
    EXPECT_EQ(again.outcome, PointsOutcome::kDuplicateReceipt);
    EXPECT_EQ(again.points, 0);
    EXPECT_FALSE(again.event);
  }
}

TEST(PointsAccrual, Refusals) {
  PointsConfig pln;
  pln.currency = "PLN";
  auto eur = purchase(customer("gold"), 10000);
  eur.currency = "EUR";
  struct Case {
    const char* name;
    Purchase p;
    PointsConfig config;
    PointsOutcome want;
  };
  const std::vector<Case> cases = {
      {"no customer", purchase(std::nullopt, 10000), {}, PointsOutcome::kNoCustomer},
      {"other currency", eur, pln, PointsOutcome::kWrongCurrency},
      {"any currency when not configured", eur, {}, PointsOutcome::kAccrued},
      {"zero", purchase(customer("gold"), 0), {}, PointsOutcome::kNothingToAccrue},
      {"refund", purchase(customer("gold"), -5000), {}, PointsOutcome::kNothingToAccrue},
      {"overflow",
       purchase(customer("gold"), std::numeric_limits<std::int64_t>::max()),
       {},
       PointsOutcome::kTooLarge},
  };
  for (const auto& c : cases) {
    const auto d = decide_points(c.p, c.config);
    EXPECT_EQ(d.outcome, c.want) << c.name;
    EXPECT_EQ(d.event.has_value(), c.want == PointsOutcome::kAccrued) << c.name;
    if (c.want != PointsOutcome::kAccrued) {
      EXPECT_EQ(d.points, 0) << c.name;
    }
    EXPECT_STRNE(to_string(d.outcome), "?");
  }
}

TEST(PointsAccrual, AccruedEvent) {
  const auto d =
      decide_points(purchase(customer("gold"), 24999, {points_offer("OF-X3", 3)}), PointsConfig{});
  ASSERT_TRUE(d.event);
  EXPECT_EQ(d.event->type, "points.accrued");
  EXPECT_EQ(d.event->at, kNow);
  EXPECT_EQ(d.event->fields, (nlohmann::json{{"customer", "C-000123"},
                                             {"receipt", "RC-77"},
                                             {"points", 1494},
                                             {"amount_minor", 24999},
                                             {"currency", "PLN"},
                                             {"till", "T2"},
                                             {"offer", "OF-X3"}}));
}

TEST(PointsAccrual, ConfigValidation) {
  EXPECT_TRUE(validate(PointsConfig{}));
  PointsConfig c;
  c.unit_minor = 0;
  EXPECT_FALSE(validate(c));
  c = PointsConfig{};
  c.tier_multipliers["gold"] = -1.0;
  const auto r = validate(c);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().context.find("tier_multipliers.gold"), std::string::npos);
}

}  // namespace
}  // namespace points_accrual_test
}  // namespace witryna::core
