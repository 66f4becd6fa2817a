#pragma once

#include <functional>
#include <optional>
#include <string>

#include "edge/core/redemption/code_decision.hpp"
#include "edge/core/time.hpp"

namespace witryna::core {

// An online claim of a `brand`-scope code (mqtt.md "Code claims").
struct ClaimRequest {
  std::string code_hash;  // never the code in clear
  std::string till;
  TimePoint at{};
};

// Central's answer, or nullopt when central could not answer: offline, no
// answer within 1.5 s, or the publish failed. nullopt means "apply the
// offline policy" (decide_claim_timeout).
using ClaimDone = std::function<void(std::optional<ClaimResult>)>;

// How the workflows reach central for claims. Implemented by sync (MQTT) and,
// where there is no link at all, by an always-offline fallback. Called on the
// service's io_context thread only.
class CodeClaims {
 public:
  virtual ~CodeClaims() = default;

  // The link to central is up now, so a claim can be answered.
  [[nodiscard]] virtual bool online() const = 0;
  // Calls `done` exactly once, on the service thread, never from inside
  // claim() itself; not at all if the implementation is destroyed first.
  virtual void claim(const ClaimRequest& request, ClaimDone done) = 0;
};

}  // namespace witryna::core
