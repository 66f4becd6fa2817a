#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "edge/core/domain/benefit.hpp"
#include "edge/core/time.hpp"

namespace witryna::domain {

enum class ReservationStatus { kHeld, kReady, kPickedUp, kCancelled, kExpired };
[[nodiscard]] const char* to_string(ReservationStatus s);
[[nodiscard]] std::optional<ReservationStatus> reservation_status_from(std::string_view s);

struct Reservation {
  std::string reservation;
  std::string customer;
  std::string store;
  std::string sku;
  std::int64_t qty = 1;
  ReservationStatus status = ReservationStatus::kHeld;
  TimePoint hold_until{};
  std::string fitting_room;
  std::optional<Benefit> discount;
  std::int64_t ver = 0;

  friend bool operator==(const Reservation&, const Reservation&) = default;
};

}  // namespace witryna::domain
