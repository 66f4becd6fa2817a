#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "edge/core/offers/control_group.hpp"
#include "edge/core/offers/decide_offers.hpp"
#include "tests/support/fake_catalog.hpp"

namespace witryna::core {
namespace offers_control_group_test {
namespace {

const TimePoint kNow = from_unix_seconds(1795000000);

std::string customer_id(int i) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "C-%06d", i);
  return buf;
}

TEST(ControlGroup, Fnv1a64KnownVectors) {
  EXPECT_EQ(fnv1a64(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(fnv1a64("a"), 0xaf63dc4c8601ec8cULL);
  EXPECT_EQ(fnv1a64("foobar"), 0x85944171f73967e8ULL);
}

TEST(ControlGroup, PercentEdges) {
  for (int i = 0; i < 200; ++i) {
    const auto id = customer_id(i);
    EXPECT_FALSE(in_control_group(id, 0)) << id;
    EXPECT_FALSE(in_control_group(id, -5)) << id;
    EXPECT_TRUE(in_control_group(id, 100)) << id;
    EXPECT_TRUE(in_control_group(id, 250)) << id;
    EXPECT_EQ(in_control_group(id, 30), fnv1a64(id) % 100 < 30) << id;
  }
}

TEST(ControlGroup, RoughShareOverTenThousandIds) {
  for (const int percent : {5, 20, 50}) {
    int in = 0;
    for (int i = 0; i < 10000; ++i)
      in += in_control_group(customer_id(i), percent) ? 1 : 0;
    EXPECT_NEAR(in, percent * 100, 200) << percent << "%";
  }
}

TEST(ControlGroup, NestedAsPercentGrows) {
  // Raising the percentage only adds customers: nobody leaves the control group.
  for (int i = 0; i < 1000; ++i) {
    const auto id = customer_id(i);
    if (in_control_group(id, 10)) {
      EXPECT_TRUE(in_control_group(id, 20)) << id;
    }
  }
}

class ControlGroupDecision : public ::testing::Test {
 protected:
  ControlGroupDecision() {
    catalog_.add(test::make_product("DRS-0010-M-BLK", "dresses", "M", 45000), 4)
        .add(test::make_product("DRS-0042-M-RED", "dresses", "M", 24999), 5);
    personal_ = test::make_offer("OF-P", kNow, 9);
    personal_.personalized = true;
    personal_.category = "dresses";
    generic_ = test::make_offer("OF-G", kNow, 1);
    generic_.category = "dresses";
  }

  OfferDecision decide(const std::string& customer, bool consent, int percent) const {
    domain::Profile p;
    p.customer = customer;
    p.consents.personalization = consent;
    p.preferences.sizes = {"M"};
    p.preferences.budget_minor = 30000;
    p.affinities = {{"dresses", 0.9}};
    const std::vector<domain::Offer> offers = {personal_, generic_};
    OfferRequest r;
    r.profile = p;
    r.offers = offers;
    r.config.control_group_percent = percent;
    r.store = "PL-WAW-001";
    r.now = kNow;
    return decide_offers(r, catalog_);
  }

  test::FakeCatalog catalog_;
  domain::Offer personal_;
  domain::Offer generic_;
};

TEST_F(ControlGroupDecision, ControlGroupGetsTheGenericRanking) {
  std::string in_id;
  std::string out_id;
  for (int i = 0; in_id.empty() || out_id.empty(); ++i) {
    const auto id = customer_id(i);
    (in_control_group(id, 50) ? in_id : out_id) = id;
  }
  const auto in = decide(in_id, true, 50);
  EXPECT_TRUE(in.control_group);
  EXPECT_FALSE(in.personalized);
  ASSERT_EQ(in.offers.size(), 1U);
  EXPECT_EQ(in.offers[0].offer, "OF-G");
  EXPECT_EQ(in.offers[0].sku, "DRS-0010-M-BLK");  // no budget/size preference used
  EXPECT_EQ(in.offers[0].reasons, (std::vector<std::string>{"in stock here"}));
  ASSERT_FALSE(in.events.empty());
  EXPECT_EQ(in.events[0].fields.at("control_group"), true);
  EXPECT_EQ(in.events[0].fields.at("personalized"), false);

  const auto out = decide(out_id, true, 50);
  EXPECT_FALSE(out.control_group);
  EXPECT_TRUE(out.personalized);
  ASSERT_EQ(out.offers.size(), 2U);
  EXPECT_EQ(out.offers[0].offer, "OF-P");
  EXPECT_EQ(out.offers[0].sku, "DRS-0042-M-RED");

  // Same customer, same answer, every time.
  EXPECT_EQ(decide(in_id, true, 50).control_group, true);
  EXPECT_EQ(decide(out_id, true, 50).control_group, false);
}

TEST_F(ControlGroupDecision, OnlyConsentingCustomersAreCountedInIt) {
  const auto d = decide("C-000001", false, 100);
  EXPECT_FALSE(d.control_group);
  EXPECT_FALSE(d.personalized);
}

}  // namespace
}  // namespace offers_control_group_test
}  // namespace witryna::core
