#pragma once

#include <optional>
#include <string_view>

#include "edge/core/codes/outcome.hpp"
#include "edge/core/domain/code.hpp"
#include "edge/core/redemption/offline_policy.hpp"
#include "edge/core/time.hpp"

namespace witryna::core {

// What the redemption decisions look at. The caller has already checked the
// till lockout and parsed the code (malformed / invalid_check never get here).
struct CodeContext {
  // Looked up by sha256 of the normalized code; none: this device does not know it.
  std::optional<domain::CodeRecord> record;
  // Redemptions of this code this device knows of (its own records).
  int uses = 0;
  // Central can answer a claim now (the MQTT link is up).
  bool online = false;
  OfflinePolicy offline;
  // Offline brand redemptions this device granted in the hour before `now`.
  int offline_last_hour = 0;
  TimePoint now{};
};

enum class CodeAction {
  kShow,           // ok: show the benefit, wait for redeem.confirm
  kRedeem,         // write the redemption and code.redeemed (offline: false) now
  kRedeemOffline,  // same with offline: true — central could not confirm it
  kClaim,          // publish a claim, wait for claims/result (1.5 s)
  kRefuse,         // show `outcome`; nothing is redeemed
};
[[nodiscard]] const char* to_string(CodeAction action);

struct CodeDecision {
  // One of ok, unknown_code, expired, already_used, needs_online.
  Outcome outcome = Outcome::kUnknownCode;
  CodeAction action = CodeAction::kRefuse;
  // A brand code that will be (kShow) or is (kRedeemOffline) granted under the
  // offline policy: the cashier should be told.
  bool offline = false;
  friend bool operator==(const CodeDecision&, const CodeDecision&) = default;
};

// code.enter. No record → unknown_code (a code this store never received has
// no benefit to show, so central is not asked); now >= valid_to → expired;
// uses >= max_uses → already_used (max_uses <= 0 counts as no use left);
// store scope → ok; brand scope → ok when online, otherwise ok only if the
// offline policy allows it, else needs_online.
[[nodiscard]] CodeDecision decide_code_entry(const CodeContext& ctx);

// redeem.confirm on a ticket in state shown: the same checks again with fresh
// `uses`/`now` (another till may have redeemed it meanwhile), then store scope
// → kRedeem; brand online → kClaim; brand offline → kRedeemOffline or
// needs_online per the offline policy.
[[nodiscard]] CodeDecision decide_confirm(const CodeContext& ctx);

// A claim got no answer within 1.5 s, or the link dropped while claiming:
// the same checks, then the offline policy (as decide_confirm offline).
[[nodiscard]] CodeDecision decide_claim_timeout(const CodeContext& ctx);

// Central's answer on claims/result (mqtt.md).
enum class ClaimResult { kGranted, kAlreadyUsed, kUnknown, kExpired };
[[nodiscard]] const char* to_string(ClaimResult result);
// None for any other string: the caller treats the claim as unanswered.
[[nodiscard]] std::optional<ClaimResult> claim_result_from(std::string_view text);

// granted → ok/kRedeem (offline: false); already_used → already_used;
// unknown → unknown_code; expired → expired (all kRefuse).
[[nodiscard]] CodeDecision decide_claim_result(ClaimResult result);

}  // namespace witryna::core
