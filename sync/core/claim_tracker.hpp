#pragma once
// Online claims of `brand`-scope codes (mqtt.md "Code claims"): matching
// results to outstanding claims by claim id, and the 1.5 s deadline after
// which (or when offline) the caller applies its offline redemption policy.
// The policy itself is decided by the redemption core, not here.
//
// Every claim is decided exactly once: by the first of on_result() (an
// outcome), poll()/on_connection_lost() (a timeout), or start() when
// offline. A result that comes after the timeout is reported as late, for
// the caller to log or reconcile, never as a second outcome. Not
// thread-safe: call from the sync loop only.

#include <cstddef>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "edge/core/redemption/code_decision.hpp"
#include "edge/core/time.hpp"

namespace witryna::sync::core {

// The contract's `result` values: the redemption core's own type, so the
// answer reaches the decision as it came.
using ::witryna::core::claim_result_from;
using ::witryna::core::ClaimResult;
using ::witryna::core::to_string;

struct ClaimOptions {
  Millis timeout{1'500};
  std::size_t remembered_late = 256;  // timed-out claims kept to recognise late results
  Millis remember_late_for{600'000};
};

enum class ClaimStart {
  kPublish,             // publish the claim now and wait for on_result()/poll()
  kApplyOfflinePolicy,  // offline: decide with the offline policy now; nothing to publish
  kDuplicateClaim,      // this claim id is already outstanding or was decided (a bug)
};
[[nodiscard]] const char* to_string(ClaimStart s);

// A claim decided by the lack of an answer.
struct ClaimTimeout {
  std::string claim;
  std::string ticket;

  friend bool operator==(const ClaimTimeout&, const ClaimTimeout&) = default;
};

struct ClaimAnswer {
  enum class Kind {
    kOutcome,  // in time: apply `result` to `ticket`
    kLate,     // after the claim timed out: report, do not apply again
    kNotOurs,  // no claim of this device by that id (another device of the store, or a repeat)
  };
  Kind kind = Kind::kNotOurs;
  std::string ticket;
  ClaimResult result = ClaimResult::kUnknown;
  Millis waited{0};  // from start() to this answer

  friend bool operator==(const ClaimAnswer&, const ClaimAnswer&) = default;
};
[[nodiscard]] const char* to_string(ClaimAnswer::Kind k);

class ClaimTracker {
 public:
  explicit ClaimTracker(ClaimOptions options = {}) : options_(options) {}

  // `claim`: a fresh UUID (IdGenerator); `ticket`: the caller's handle of the
  // redemption waiting for it.
  [[nodiscard]] ClaimStart start(std::string claim, std::string ticket, TimePoint now,
                                 bool connected);
  [[nodiscard]] ClaimAnswer on_result(std::string_view claim, ClaimResult result, TimePoint now);
  // Claims whose deadline has passed: apply the offline policy to each.
  [[nodiscard]] std::vector<ClaimTimeout> poll(TimePoint now);
  // Offline: every outstanding claim times out now.
  [[nodiscard]] std::vector<ClaimTimeout> on_connection_lost(TimePoint now);
  // The publish of `claim` failed: it times out now (nullopt if not outstanding).
  [[nodiscard]] std::optional<ClaimTimeout> publish_failed(std::string_view claim, TimePoint now);

  [[nodiscard]] std::optional<TimePoint> next_deadline() const;
  [[nodiscard]] std::size_t outstanding() const { return outstanding_.size(); }

 private:
  struct Outstanding {
    std::string ticket;
    TimePoint sent_at;
  };
  struct Late {
    std::string claim;
    std::string ticket;
    TimePoint sent_at;
    TimePoint timed_out_at;
  };
  ClaimTimeout time_out(std::map<std::string, Outstanding, std::less<>>::iterator it,
                        TimePoint now);
  void forget_old_late(TimePoint now);

  ClaimOptions options_;
  std::map<std::string, Outstanding, std::less<>> outstanding_;
  std::deque<Late> late_;  // oldest first
};

}  // namespace witryna::sync::core
