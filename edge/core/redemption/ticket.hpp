#pragma once

#include <optional>
#include <span>
#include <string>

#include "edge/core/codes/outcome.hpp"
#include "edge/core/domain/code.hpp"
#include "edge/core/redemption/code_decision.hpp"
#include "edge/core/result.hpp"
#include "edge/core/time.hpp"

namespace witryna::core {

// The life of one code at a checkout after code.enter said ok:
//
//   shown ──claim──▶ claiming ──redeem──▶ redeemed
//     │                  └─────reject──▶ rejected
//     ├──redeem──▶ redeemed     (store code, or brand code offline)
//     ├──reject──▶ rejected     (confirm re-check failed)
//     └──cancel──▶ cancelled    (redeem.cancel)
//
// A claiming ticket cannot be cancelled: central may already have granted the
// claim, so it always ends by the answer or by the offline policy after 1.5 s.
// redeemed, rejected and cancelled are final. The whole table is
// kTicketTransitions (ticket.cpp); anything not in it is refused.
enum class TicketState { kShown, kClaiming, kRedeemed, kRejected, kCancelled };
enum class TicketTrigger { kClaim, kRedeem, kReject, kCancel };

[[nodiscard]] const char* to_string(TicketState state);
[[nodiscard]] const char* to_string(TicketTrigger trigger);
[[nodiscard]] bool is_final(TicketState state);

struct TicketTransition {
  TicketState from;
  TicketTrigger trigger;
  TicketState to;
};
// Every allowed transition, for tests and documentation.
[[nodiscard]] std::span<const TicketTransition> ticket_transitions();

// The state after `trigger`, or error "invalid_transition" (context names both).
[[nodiscard]] Result<TicketState> next_state(TicketState from, TicketTrigger trigger);

// The trigger a decision's action fires; none for kShow (nothing changes).
[[nodiscard]] std::optional<TicketTrigger> trigger_for(CodeAction action);

inline constexpr std::string_view kInvalidTransition = "invalid_transition";

// One ticket as the checkout workflow keeps it (memory only: a ticket that is
// not redeemed when the device stops is simply gone).
struct RedemptionTicket {
  std::string ticket;  // id the screen echoes in redeem.confirm / redeem.cancel
  std::string till;
  domain::CodeRecord code;
  TicketState state = TicketState::kShown;
  Outcome outcome = Outcome::kOk;    // what the cashier sees now
  bool offline = false;              // granted (or to be) under the offline policy
  std::optional<std::string> claim;  // claim id once claiming
  TimePoint created{};
};

// Moves `ticket` by `trigger`; leaves it untouched and fails when not allowed.
[[nodiscard]] Result<void> apply(RedemptionTicket& ticket, TicketTrigger trigger);

}  // namespace witryna::core
