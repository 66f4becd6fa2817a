#include "edge/core/redemption/code_decision.hpp"

namespace witryna::core {

namespace {

CodeDecision refuse(Outcome outcome) {
  return {outcome, CodeAction::kRefuse, false};
}

// The checks that need no link: known, still valid, uses left.
std::optional<CodeDecision> local_refusal(const CodeContext& ctx) {
  if (!ctx.record) return refuse(Outcome::kUnknownCode);
  if (ctx.now >= ctx.record->valid_to) return refuse(Outcome::kExpired);
  if (ctx.record->max_uses <= 0 || ctx.uses >= ctx.record->max_uses) {
    return refuse(Outcome::kAlreadyUsed);
  }
  return std::nullopt;
}

bool offline_ok(const CodeContext& ctx) {
  return offline_allows(ctx.record->benefit, ctx.offline, ctx.offline_last_hour);
}

CodeDecision offline_redemption(const CodeContext& ctx) {
  if (!offline_ok(ctx)) return refuse(Outcome::kNeedsOnline);
  return {Outcome::kOk, CodeAction::kRedeemOffline, true};
}

}  // namespace

const char* to_string(CodeAction action) {
  switch (action) {
    case CodeAction::kShow:
      return "show";
    case CodeAction::kRedeem:
      return "redeem";
    case CodeAction::kRedeemOffline:
      return "redeem_offline";
    case CodeAction::kClaim:
      return "claim";
    case CodeAction::kRefuse:
      return "refuse";
  }
  return "?";
}

CodeDecision decide_code_entry(const CodeContext& ctx) {
  if (auto r = local_refusal(ctx)) return *r;
  if (ctx.record->scope == domain::CodeScope::kStore || ctx.online) {
    return {Outcome::kOk, CodeAction::kShow, false};
  }
  if (!offline_ok(ctx)) return refuse(Outcome::kNeedsOnline);
  return {Outcome::kOk, CodeAction::kShow, true};
}

CodeDecision decide_confirm(const CodeContext& ctx) {
  if (auto r = local_refusal(ctx)) return *r;
  if (ctx.record->scope == domain::CodeScope::kStore) {
    return {Outcome::kOk, CodeAction::kRedeem, false};
  }
  if (ctx.online) return {Outcome::kOk, CodeAction::kClaim, false};
  return offline_redemption(ctx);
}

CodeDecision decide_claim_timeout(const CodeContext& ctx) {
  if (auto r = local_refusal(ctx)) return *r;
  if (ctx.record->scope == domain::CodeScope::kStore) {
    return {Outcome::kOk, CodeAction::kRedeem, false};  // never needed a claim
  }
  return offline_redemption(ctx);
}

const char* to_string(ClaimResult result) {
  switch (result) {
    case ClaimResult::kGranted:
      return "granted";
    case ClaimResult::kAlreadyUsed:
      return "already_used";
    case ClaimResult::kUnknown:
      return "unknown";
    case ClaimResult::kExpired:
      return "expired";
  }
  return "?";
}

std::optional<ClaimResult> claim_result_from(std::string_view text) {
  for (const auto r : {ClaimResult::kGranted, ClaimResult::kAlreadyUsed, ClaimResult::kUnknown,
                       ClaimResult::kExpired}) {
    if (text == to_string(r)) return r;
  }
  return std::nullopt;
}

CodeDecision decide_claim_result(ClaimResult result) {
  switch (result) {
    case ClaimResult::kGranted:
      return {Outcome::kOk, CodeAction::kRedeem, false};
    case ClaimResult::kAlreadyUsed:
      return refuse(Outcome::kAlreadyUsed);
    case ClaimResult::kUnknown:
      return refuse(Outcome::kUnknownCode);
    case ClaimResult::kExpired:
      return refuse(Outcome::kExpired);
  }
  return refuse(Outcome::kUnknownCode);
}

}  // namespace witryna::core
