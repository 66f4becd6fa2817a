#pragma once

#include <optional>
#include <string_view>

#include "edge/core/domain/event.hpp"
#include "edge/core/domain/reservation.hpp"
#include "edge/core/time.hpp"

namespace witryna::core {

enum class PickupOutcome {
  kPickedUp,            // hand it over
  kUnknownReservation,  // this device has no such reservation
  kWrongStore,          // it is held in another store
  kAlreadyPickedUp,
  kCancelled,
  kExpired,  // status expired, or hold_until <= now
};
[[nodiscard]] const char* to_string(PickupOutcome outcome);

struct PickupDecision {
  PickupOutcome outcome = PickupOutcome::kUnknownReservation;
  // Only for kPickedUp: the reservation with status picked_up (same ver: the
  // central copy with a higher ver stays the truth) and its event.
  std::optional<domain::Reservation> updated;
  std::optional<domain::Event> event;
};

// pickup.confirm. Checked in this order: known, this store, status (picked_up,
// cancelled, expired), then hold_until (a hold ends at hold_until: now >=
// hold_until is expired). A held/ready reservation past its hold is refused
// here but not changed: decide_expiry turns it into expired with its event.
// `till` goes into reservation.picked_up (left out when empty).
[[nodiscard]] PickupDecision decide_pickup(const std::optional<domain::Reservation>& reservation,
                                           std::string_view store, std::string_view till,
                                           TimePoint now);

}  // namespace witryna::core
