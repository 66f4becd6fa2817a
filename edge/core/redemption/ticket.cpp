#include "edge/core/redemption/ticket.hpp"

#include <array>
#include <string>

namespace witryna::core {

namespace {

using S = TicketState;
using T = TicketTrigger;

// The one table of the redemption ticket.
constexpr std::array<TicketTransition, 6> kTicketTransitions = {{
    {S::kShown, T::kClaim, S::kClaiming},
    {S::kShown, T::kRedeem, S::kRedeemed},
    {S::kShown, T::kReject, S::kRejected},
    {S::kShown, T::kCancel, S::kCancelled},
    {S::kClaiming, T::kRedeem, S::kRedeemed},
    {S::kClaiming, T::kReject, S::kRejected},
}};

}  // namespace

const char* to_string(TicketState state) {
  switch (state) {
    case S::kShown:
      return "shown";
    case S::kClaiming:
      return "claiming";
    case S::kRedeemed:
      return "redeemed";
    case S::kRejected:
      return "rejected";
    case S::kCancelled:
      return "cancelled";
  }
  return "?";
}

const char* to_string(TicketTrigger trigger) {
  switch (trigger) {
    case T::kClaim:
      return "claim";
    case T::kRedeem:
      return "redeem";
    case T::kReject:
      return "reject";
    case T::kCancel:
      return "cancel";
  }
  return "?";
}

bool is_final(TicketState state) {
  return state == S::kRedeemed || state == S::kRejected || state == S::kCancelled;
}

std::span<const TicketTransition> ticket_transitions() {
  return kTicketTransitions;
}

Result<TicketState> next_state(TicketState from, TicketTrigger trigger) {
  for (const auto& t : kTicketTransitions) {
    if (t.from == from && t.trigger == trigger) return t.to;
  }
  return fail(std::string(kInvalidTransition),
              std::string("ticket ") + to_string(from) + " cannot " + to_string(trigger));
}

std::optional<TicketTrigger> trigger_for(CodeAction action) {
  switch (action) {
    case CodeAction::kShow:
      return std::nullopt;
    case CodeAction::kRedeem:
      return T::kRedeem;
    case CodeAction::kRedeemOffline:
      return T::kRedeem;
    case CodeAction::kClaim:
      return T::kClaim;
    case CodeAction::kRefuse:
      return T::kReject;
  }
  return std::nullopt;
}

Result<void> apply(RedemptionTicket& ticket, TicketTrigger trigger) {
  auto next = next_state(ticket.state, trigger);
  if (!next) return tl::make_unexpected(next.error());
  ticket.state = *next;
  return {};
}

}  // namespace witryna::core
