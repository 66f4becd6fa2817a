#pragma once

#include <optional>
#include <span>
#include <vector>

#include "edge/core/domain/event.hpp"
#include "edge/core/domain/reservation.hpp"
#include "edge/core/time.hpp"

namespace witryna::core {

struct ExpiryDecision {
  // Held/ready reservations with hold_until <= now, now with status expired
  // (same ver), in input order; one reservation.expired event each, same order.
  std::vector<domain::Reservation> expired;
  std::vector<domain::Event> events;
  // The earliest hold_until > now of the held/ready ones left: when to run
  // decide_expiry again (one timer). None: nothing left to expire.
  std::optional<TimePoint> next_expiry;
};

// Call at start-up, when the timer fires, and after reservations change.
[[nodiscard]] ExpiryDecision decide_expiry(std::span<const domain::Reservation> reservations,
                                           TimePoint now);

}  // namespace witryna::core
