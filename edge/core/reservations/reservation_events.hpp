#pragma once

#include <string_view>

#include "edge/core/domain/event.hpp"
#include "edge/core/domain/reservation.hpp"
#include "edge/core/time.hpp"

namespace witryna::core {

// reservation.picked_up: reservation, customer, sku, qty, till (when not empty).
[[nodiscard]] domain::Event reservation_picked_up_event(const domain::Reservation& r,
                                                        std::string_view till, TimePoint now);

// reservation.expired: reservation, customer, sku, qty, hold_until.
[[nodiscard]] domain::Event reservation_expired_event(const domain::Reservation& r, TimePoint now);

}  // namespace witryna::core
