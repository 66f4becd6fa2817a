#include <gtest/gtest.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "edge/core/offers/eligibility.hpp"
#include "tests/support/fake_catalog.hpp"

namespace witryna::core {
namespace offers_eligibility_test {
namespace {

using std::chrono::milliseconds;
const TimePoint kNow = from_unix_seconds(1795000000);

domain::Profile gold_active(bool consent) {
  domain::Profile p;
  p.customer = "C-000123";
  p.segment = "active";
  p.tier = "gold";
  p.consents.personalization = consent;
  return p;
}

TEST(OfferEligibility, ValidityWindowEdges) {
  auto offer = test::make_offer("OF-1", kNow);
  offer.valid_from = kNow;
  offer.valid_to = kNow + std::chrono::hours(1);
  struct Case {
    TimePoint now;
    Exclusion want;
  };
  const std::vector<Case> cases = {
      {kNow - milliseconds(1), Exclusion::kNotYetValid},
      {kNow, Exclusion::kNone},
      {kNow + std::chrono::hours(1) - milliseconds(1), Exclusion::kNone},
      {kNow + std::chrono::hours(1), Exclusion::kEnded},
      {kNow + std::chrono::hours(2), Exclusion::kEnded},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(check_eligibility(offer, nullptr, false, 0, c.now), c.want) << format_rfc3339(c.now);
  }
}

TEST(OfferEligibility, TargetingAndConsentRules) {
  const auto consenting = gold_active(true);
  const auto refusing = gold_active(false);
  struct Case {
    const char* name;
    bool personalized;
    std::vector<std::string> segments;
    std::vector<std::string> tiers;
    const domain::Profile* profile;
    bool personalize;
    Exclusion want;
  };
  const std::vector<Case> cases = {
      {"generic, anonymous", false, {}, {}, nullptr, false, Exclusion::kNone},
      {"generic, no consent", false, {}, {}, &refusing, false, Exclusion::kNone},
      {"personalized, anonymous", true, {}, {}, nullptr, false, Exclusion::kNeedsConsent},
      {"personalized, no consent", true, {}, {}, &refusing, false, Exclusion::kNeedsConsent},
      {"personalized, consent", true, {}, {}, &consenting, true, Exclusion::kNone},
      {"segment, anonymous", false, {"active"}, {}, nullptr, false, Exclusion::kSegment},
      {"segment, no consent", false, {"active"}, {}, &refusing, false, Exclusion::kSegment},
      {"segment match", false, {"lapsed", "active"}, {}, &consenting, true, Exclusion::kNone},
      {"segment other", false, {"lapsed"}, {}, &consenting, true, Exclusion::kSegment},
      {"tier, anonymous", false, {}, {"gold"}, nullptr, false, Exclusion::kTier},
      {"tier match, no consent", false, {}, {"gold"}, &refusing, false, Exclusion::kNone},
      {"tier other", false, {}, {"silver"}, &consenting, true, Exclusion::kTier},
  };
  for (const auto& c : cases) {
    auto offer = test::make_offer("OF-1", kNow);
    offer.personalized = c.personalized;
    offer.segments = c.segments;
    offer.tiers = c.tiers;
    EXPECT_EQ(check_eligibility(offer, c.profile, c.personalize, 0, kNow), c.want) << c.name;
  }
}

TEST(OfferEligibility, DailyCap) {
  const auto profile = gold_active(true);
  struct Case {
    int cap;
    int shown;
    const domain::Profile* who;
    Exclusion want;
  };
  const std::vector<Case> cases = {
      {2, 0, &profile, Exclusion::kNone},
      {2, 1, &profile, Exclusion::kNone},
      {2, 2, &profile, Exclusion::kDailyCapReached},
      {2, 5, &profile, Exclusion::kDailyCapReached},
      {0, 100, &profile, Exclusion::kNone},  // 0: no cap
      {1, 3, nullptr, Exclusion::kNone},     // counted per customer only
  };
  for (const auto& c : cases) {
    auto offer = test::make_offer("OF-1", kNow);
    offer.max_per_day = c.cap;
    EXPECT_EQ(check_eligibility(offer, c.who, true, c.shown, kNow), c.want)
        << "cap " << c.cap << " shown " << c.shown;
  }
}

TEST(OfferEligibility, ToStringIsComplete) {
  for (const auto e :
       {Exclusion::kNone, Exclusion::kNotYetValid, Exclusion::kEnded, Exclusion::kNeedsConsent,
        Exclusion::kSegment, Exclusion::kTier, Exclusion::kDailyCapReached}) {
    EXPECT_STRNE(to_string(e), "?");
  }
}

}  // namespace
}  // namespace offers_eligibility_test
}  // namespace witryna::core
