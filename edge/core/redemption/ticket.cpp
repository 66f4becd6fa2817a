#include "edge/core/redemption/ticket.hpp"

#include <array>
#include <string>

namespace witryna::core {

namespace {

using TS = TicketState;
using TT = TicketTrigger;

// The one table of the redemption ticket.
constexpr std::array<TicketTransition, 6> kTicketTransitions = {{
    {TS::kShown, TT::kClaim, TS::kClaiming},
    {TS::kShown, TT::kRedeem, TS::kRedeemed},
    {TS::kShown, TT::kReject, TS::kRejected},
    {TS::kShown, TT::kCancel, TS::kCancelled},
    {TS::kClaiming, TT::kRedeem, TS::kRedeemed},
    {TS::kClaiming, TT::kReject, TS::kRejected},
}};

}  // namespace

const char* to_string(TicketState state) {
  switch (state) {
    case TS::kShown:
      return "shown";
    case TS::kClaiming:
      return "claiming";
    case TS::kRedeemed:
      return "redeemed";
    case TS::kRejected:
      return "rejected";
    case TS::kCancelled:
      return "cancelled";
  }
  return "?";
}

const char* to_string(TicketTrigger trigger) {
  switch (trigger) {
    case TT::kClaim:
      return "claim";
    case TT::kRedeem:
      return "redeem";
    case TT::kReject:
      return "reject";
    case TT::kCancel:
      return "cancel";
  }
  return "?";
}

bool is_final(TicketState state) {
  return state == TS::kRedeemed || state == TS::kRejected || state == TS::kCancelled;
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
      return TT::kRedeem;
    case CodeAction::kRedeemOffline:
      return TT::kRedeem;
    case CodeAction::kClaim:
      return TT::kClaim;
    case CodeAction::kRefuse:
      return TT::kReject;
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
