#pragma once

#include <optional>
#include <span>

#include "edge/core/domain/reservation.hpp"
#include "edge/core/result.hpp"

namespace witryna::core {

// What this device may do to a reservation (central may also set any status
// through the reservations stream; that is version-guarded, not this table):
//
//   held ──mark_ready──▶ ready
//   held, ready ──pick_up──▶ picked_up
//   held, ready ──expire───▶ expired
//   held, ready ──cancel───▶ cancelled
//
// picked_up, expired and cancelled are final. The whole table is
// kReservationTransitions (reservation_transitions.cpp); anything else is refused.
enum class ReservationTrigger { kMarkReady, kPickUp, kExpire, kCancel };
[[nodiscard]] const char* to_string(ReservationTrigger trigger);

struct ReservationTransition {
  domain::ReservationStatus from;
  ReservationTrigger trigger;
  domain::ReservationStatus to;
};
[[nodiscard]] std::span<const ReservationTransition> reservation_transitions();

[[nodiscard]] bool is_final(domain::ReservationStatus status);
// held or ready: still waiting for the customer.
[[nodiscard]] bool is_open(domain::ReservationStatus status);

// The status after `trigger`, or error "invalid_transition".
[[nodiscard]] Result<domain::ReservationStatus> next_status(domain::ReservationStatus from,
                                                            ReservationTrigger trigger);

}  // namespace witryna::core
