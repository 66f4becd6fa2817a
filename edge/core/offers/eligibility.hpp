#pragma once

#include "edge/core/domain/catalog.hpp"
#include "edge/core/domain/profile.hpp"
#include "edge/core/time.hpp"

namespace witryna::core {

// Why an offer is not shown to this person at all (before stock is looked at).
enum class Exclusion {
  kNone,            // eligible
  kNotYetValid,     // now < valid_from
  kEnded,           // now >= valid_to
  kNeedsConsent,    // personalized offer, no personalization allowed
  kSegment,         // segment-restricted: needs a profile in one of the segments
  kTier,            // tier-restricted: needs a profile in one of the tiers
  kDailyCapReached  // shown max_per_day times to this customer today
};
[[nodiscard]] const char* to_string(Exclusion e);

// The first rule `offer` breaks for this person, or kNone.
//
// `profile`: null for an anonymous/idle screen. `personalize`: the customer
// consented to personalization and is not in the control group.
//
// Consent reading (the safer one): without `personalize`, offers marked
// personalized and offers restricted by segment are excluded, because a
// segment ("lapsed", "active") is derived from the customer's behaviour, i.e.
// it is profiling. A tier restriction still applies without consent: a tier is
// the loyalty membership the customer signed up for and sees on the screen.
// `max_per_day` is counted per customer, so it does not limit anonymous screens.
[[nodiscard]] Exclusion check_eligibility(const domain::Offer& offer,
                                          const domain::Profile* profile, bool personalize,
                                          int shown_today, TimePoint now);

}  // namespace witryna::core
