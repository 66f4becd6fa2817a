#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "edge/core/time.hpp"

namespace witryna::domain {

// Event types of the outbox (mqtt.md).
namespace event_type {
inline constexpr const char* kScan = "scan";
inline constexpr const char* kOffersShown = "offers.shown";
inline constexpr const char* kOfferAccepted = "offer.accepted";
inline constexpr const char* kCodeRedeemed = "code.redeemed";
inline constexpr const char* kCodeRejected = "code.rejected";
inline constexpr const char* kReservationPickedUp = "reservation.picked_up";
inline constexpr const char* kReservationExpired = "reservation.expired";
inline constexpr const char* kPointsAccrued = "points.accrued";
inline constexpr const char* kConsentChanged = "consent.changed";
inline constexpr const char* kPreferencesChanged = "preferences.changed";
inline constexpr const char* kAlternativeSuggested = "alternative.suggested";
inline constexpr const char* kServiceOpened = "service.opened";
}  // namespace event_type

// Only offers.shown and scan may be dropped when the outbox is full.
[[nodiscard]] bool is_droppable(std::string_view type);

// An event before the store numbers it. `fields` holds the per-type extras
// (till, customer, offers …); never a card number, a code in clear or a token.
struct Event {
  std::string type;
  TimePoint at{};
  nlohmann::json fields = nlohmann::json::object();
};

// An event as it sits in the outbox: numbered, serialized once.
struct StoredEvent {
  std::int64_t n = 0;
  std::string type;
  std::string json;  // the whole event object, `n` included
};

}  // namespace witryna::domain
