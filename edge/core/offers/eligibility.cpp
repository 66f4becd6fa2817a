#include "edge/core/offers/eligibility.hpp"

#include <algorithm>

namespace witryna::core {

namespace {

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

const char* to_string(Exclusion e) {
  switch (e) {
    case Exclusion::kNone:
      return "none";
    case Exclusion::kNotYetValid:
      return "not_yet_valid";
    case Exclusion::kEnded:
      return "ended";
    case Exclusion::kNeedsConsent:
      return "needs_consent";
    case Exclusion::kSegment:
      return "segment";
    case Exclusion::kTier:
      return "tier";
    case Exclusion::kDailyCapReached:
      return "daily_cap_reached";
  }
  return "?";
}

Exclusion check_eligibility(const domain::Offer& offer, const domain::Profile* profile,
                            bool personalize, int shown_today, TimePoint now) {
  if (now < offer.valid_from) return Exclusion::kNotYetValid;
  if (now >= offer.valid_to) return Exclusion::kEnded;
  if (offer.personalized && (profile == nullptr || !personalize)) return Exclusion::kNeedsConsent;
  if (!offer.segments.empty()) {
    if (profile == nullptr || !personalize || !contains(offer.segments, profile->segment)) {
      return Exclusion::kSegment;
    }
  }
  if (!offer.tiers.empty()) {
    if (profile == nullptr || !contains(offer.tiers, profile->tier)) return Exclusion::kTier;
  }
  if (profile != nullptr && offer.max_per_day > 0 && shown_today >= offer.max_per_day) {
    return Exclusion::kDailyCapReached;
  }
  return Exclusion::kNone;
}

}  // namespace witryna::core
