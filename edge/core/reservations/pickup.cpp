#include "edge/core/reservations/pickup.hpp"

#include <string>

#include "edge/core/reservations/reservation_events.hpp"
#include "edge/core/reservations/reservation_transitions.hpp"

namespace witryna::core {

const char* to_string(PickupOutcome outcome) {
  switch (outcome) {
    case PickupOutcome::kPickedUp:
      return "picked_up";
    case PickupOutcome::kUnknownReservation:
      return "unknown_reservation";
    case PickupOutcome::kWrongStore:
      return "wrong_store";
    case PickupOutcome::kAlreadyPickedUp:
      return "already_picked_up";
    case PickupOutcome::kCancelled:
      return "cancelled";
    case PickupOutcome::kExpired:
      return "expired";
  }
  return "?";
}

PickupDecision decide_pickup(const std::optional<domain::Reservation>& reservation,
                             std::string_view store, std::string_view till, TimePoint now) {
  using St = domain::ReservationStatus;
  PickupDecision d;
  if (!reservation) return d;
  const auto& r = *reservation;
  if (r.store != store) {
    d.outcome = PickupOutcome::kWrongStore;
    return d;
  }
  switch (r.status) {
    case St::kPickedUp:
      d.outcome = PickupOutcome::kAlreadyPickedUp;
      return d;
    case St::kCancelled:
      d.outcome = PickupOutcome::kCancelled;
      return d;
    case St::kExpired:
      d.outcome = PickupOutcome::kExpired;
      return d;
    case St::kHeld:
    case St::kReady:
      break;
  }
  if (now >= r.hold_until) {
    d.outcome = PickupOutcome::kExpired;
    return d;
  }
  const auto next = next_status(r.status, ReservationTrigger::kPickUp);
  if (!next) return d;  // unreachable: held/ready can always be picked up
  d.outcome = PickupOutcome::kPickedUp;
  d.updated = r;
  d.updated->status = *next;
  d.event = reservation_picked_up_event(r, till, now);
  return d;
}

}  // namespace witryna::core
