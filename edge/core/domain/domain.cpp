#include <string_view>

#include "edge/core/domain/benefit.hpp"
#include "edge/core/domain/code.hpp"
#include "edge/core/domain/event.hpp"
#include "edge/core/domain/reservation.hpp"
#include "edge/core/domain/stock.hpp"

namespace witryna::domain {

const char* to_string(BenefitType t) {
  switch (t) {
    case BenefitType::kPercent: return "percent";
    case BenefitType::kAmount: return "amount";
    case BenefitType::kPoints: return "points";
  }
  return "?";
}

std::optional<BenefitType> benefit_type_from(std::string_view s) {
  if (s == "percent") return BenefitType::kPercent;
  if (s == "amount") return BenefitType::kAmount;
  if (s == "points") return BenefitType::kPoints;
  return std::nullopt;
}

const char* to_string(NearbyLevel l) {
  switch (l) {
    case NearbyLevel::kIn: return "in";
    case NearbyLevel::kLow: return "low";
    case NearbyLevel::kOut: return "out";
  }
  return "?";
}

const char* to_string(ReservationStatus s) {
  switch (s) {
    case ReservationStatus::kHeld: return "held";
    case ReservationStatus::kReady: return "ready";
    case ReservationStatus::kPickedUp: return "picked_up";
    case ReservationStatus::kCancelled: return "cancelled";
    case ReservationStatus::kExpired: return "expired";
  }
  return "?";
}

std::optional<ReservationStatus> reservation_status_from(std::string_view s) {
  if (s == "held") return ReservationStatus::kHeld;
  if (s == "ready") return ReservationStatus::kReady;
  if (s == "picked_up") return ReservationStatus::kPickedUp;
  if (s == "cancelled") return ReservationStatus::kCancelled;
  if (s == "expired") return ReservationStatus::kExpired;
  return std::nullopt;
}

const char* to_string(CodeScope s) { return s == CodeScope::kStore ? "store" : "brand"; }

bool is_droppable(std::string_view type) {
  return type == event_type::kScan || type == event_type::kOffersShown;
}

}  // namespace witryna::domain
