#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "edge/core/domain/benefit.hpp"
#include "edge/core/domain/profile.hpp"
#include "edge/core/domain/reservation.hpp"
#include "edge/core/offers/offer_decision.hpp"
#include "edge/core/time.hpp"

namespace witryna::core {

enum class ViewMode { kIdle, kCustomer, kCode, kPickups, kService, kMessage };
[[nodiscard]] const char* to_string(ViewMode mode);

// The strip every screen shows.
struct ScreenStatus {
  bool online = false;
  std::optional<TimePoint> last_sync;
  std::int64_t outbox = 0;
  std::string version;
};

// Who is on screen, already filtered by consent (see build_view).
struct CustomerOnScreen {
  domain::Profile profile;
  std::int64_t pending_points = 0;  // accrued here, not yet confirmed by central
  bool personalized = false;        // offers are personal (consent and not control group)
};

struct ReservationOnScreen {
  domain::Reservation reservation;
  std::string name;  // product name, when the catalog knows the sku
  std::string size;
};

// The redemption ticket shown at a checkout (screen-api.md `code`).
struct CodeOnScreen {
  std::string ticket;
  std::string status;  // ok | unknown_code | expired | already_used | needs_online | ...
  std::optional<domain::Benefit> benefit;
  std::optional<std::string> customer;
  bool redeemed = false;  // confirmed and recorded
};

// An outcome to show: `code` is a contract outcome name (unknown_card,
// expired, …) that screens translate into their language.
struct MessageOnScreen {
  std::string code;
  std::string detail;  // short, never personal
};

// Everything one screen shows now. The workflows keep one per screen.
struct ViewState {
  ViewMode mode = ViewMode::kIdle;
  ScreenStatus status;
  std::optional<CustomerOnScreen> customer;
  std::vector<ShownOffer> offers;
  std::vector<ReservationOnScreen> reservations;
  std::optional<CodeOnScreen> code;
  std::optional<std::vector<domain::HistoryEntry>> history;  // service mode, with consent only
  std::optional<MessageOnScreen> message;
};

}  // namespace witryna::core
