#include "edge/core/reservations/expiry.hpp"

#include "edge/core/reservations/reservation_events.hpp"
#include "edge/core/reservations/reservation_transitions.hpp"

namespace witryna::core {

ExpiryDecision decide_expiry(std::span<const domain::Reservation> reservations, TimePoint now) {
  ExpiryDecision d;
  for (const auto& r : reservations) {
    if (!is_open(r.status)) continue;
    if (r.hold_until <= now) {
      const auto next = next_status(r.status, ReservationTrigger::kExpire);
      if (!next) continue;  // unreachable: open reservations can expire
      auto expired = r;
      expired.status = *next;
      d.events.push_back(reservation_expired_event(r, now));
      d.expired.push_back(std::move(expired));
    } else if (!d.next_expiry || r.hold_until < *d.next_expiry) {
      d.next_expiry = r.hold_until;
    }
  }
  return d;
}

}  // namespace witryna::core
