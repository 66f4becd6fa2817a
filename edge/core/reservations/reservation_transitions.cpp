#include "edge/core/reservations/reservation_transitions.hpp"

#include <array>
#include <string>

namespace witryna::core {

namespace {

using St = domain::ReservationStatus;
using Tr = ReservationTrigger;

// The one table of a reservation's local life.
constexpr std::array<ReservationTransition, 7> kReservationTransitions = {{
    {St::kHeld, Tr::kMarkReady, St::kReady},
    {St::kHeld, Tr::kPickUp, St::kPickedUp},
    {St::kReady, Tr::kPickUp, St::kPickedUp},
    {St::kHeld, Tr::kExpire, St::kExpired},
    {St::kReady, Tr::kExpire, St::kExpired},
    {St::kHeld, Tr::kCancel, St::kCancelled},
    {St::kReady, Tr::kCancel, St::kCancelled},
}};

}  // namespace

const char* to_string(ReservationTrigger trigger) {
  switch (trigger) {
    case Tr::kMarkReady:
      return "mark_ready";
    case Tr::kPickUp:
      return "pick_up";
    case Tr::kExpire:
      return "expire";
    case Tr::kCancel:
      return "cancel";
  }
  return "?";
}

std::span<const ReservationTransition> reservation_transitions() {
  return kReservationTransitions;
}

bool is_final(domain::ReservationStatus status) {
  return !is_open(status);
}

bool is_open(domain::ReservationStatus status) {
  return status == St::kHeld || status == St::kReady;
}

Result<domain::ReservationStatus> next_status(domain::ReservationStatus from,
                                              ReservationTrigger trigger) {
  for (const auto& t : kReservationTransitions) {
    if (t.from == from && t.trigger == trigger) return t.to;
  }
  return fail("invalid_transition", std::string("reservation ") + domain::to_string(from) +
                                        " cannot " + to_string(trigger));
}

}  // namespace witryna::core
