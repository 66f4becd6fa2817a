#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "edge/core/domain/catalog.hpp"
#include "edge/core/domain/event.hpp"
#include "edge/core/domain/profile.hpp"
#include "edge/core/points/points_config.hpp"
#include "edge/core/time.hpp"

namespace witryna::core {

// A paid sale (screen-api.md `purchase`) for the customer on screen.
struct Purchase {
  std::optional<domain::Profile> profile;  // none: no customer on screen
  std::string receipt;
  std::int64_t amount_minor = 0;
  std::string currency;
  std::string till;  // goes into the event; left out when empty
  // The device already accrued (or refused) points for this receipt: the
  // caller looks it up in the same store it records accruals in.
  bool receipt_seen = false;
  std::vector<domain::Offer> offers;  // the active offers; points offers among them may apply
  TimePoint now{};
};

enum class PointsOutcome {
  kAccrued,
  kDuplicateReceipt,  // receipt_seen: nothing again (idempotent per receipt)
  kNoCustomer,
  kWrongCurrency,
  kNothingToAccrue,  // amount <= 0, or below one unit, or multipliers of 0
  kTooLarge,         // the result would not fit in 64 bits: refused, not clamped
};
[[nodiscard]] const char* to_string(PointsOutcome outcome);

struct PointsDecision {
  PointsOutcome outcome = PointsOutcome::kNothingToAccrue;
  std::int64_t points = 0;  // to add to the balance (kAccrued only)
  std::int64_t tier_multiplier_milli = 1000;
  std::int64_t offer_multiplier = 1;
  std::optional<std::string> offer;    // the points offer applied, if any
  std::optional<domain::Event> event;  // points.accrued (kAccrued only)
};

// Which points offer applies: benefit.type points with value >= 1, valid at
// now, passing the segment/tier/personalization rules with the customer's own
// consent, and with no skus or category (a purchase carries no basket lines,
// so an item-bound offer cannot be checked and is not applied). Offers do not
// stack: the highest multiplier wins (ties: lowest offer id). The tier
// multiplier and the offer multiplier do multiply.
[[nodiscard]] PointsDecision decide_points(const Purchase& purchase, const PointsConfig& config);

}  // namespace witryna::core
