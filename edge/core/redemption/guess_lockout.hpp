#pragma once

#include <chrono>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "edge/core/codes/outcome.hpp"
#include "edge/core/time.hpp"

namespace witryna::core {

// unknown_code and invalid_check: the outcomes that count as a guess (codes.md).
[[nodiscard]] bool is_guess_failure(Outcome outcome);

// codes.md: 5 unknown_code/invalid_check outcomes at one till within 60 s lock
// that till's code entry for 60 s.
struct LockoutPolicy {
  int max_failures = 5;
  Millis window = std::chrono::seconds(60);
  Millis lock_for = std::chrono::seconds(60);
};

// Sliding window of guess failures at one till. Pure: fed outcomes and `now`.
// Edges: failures exactly `window` apart still count together ("within 60 s"
// read inclusively, the stricter reading); the lock holds while
// now < locked_at + lock_for. An ok outcome does not forgive earlier failures
// (else a known code could be interleaved with guesses). Locking clears the
// window, so the till starts fresh when the lock ends.
class GuessLockout {
 public:
  explicit GuessLockout(LockoutPolicy policy = {}) : policy_(policy) {}

  [[nodiscard]] bool locked(TimePoint now) const;
  // When the current lock ends; none when not locked at `now`.
  [[nodiscard]] std::optional<TimePoint> locked_until(TimePoint now) const;

  // Feed every outcome of code entry at this till. Outcomes while locked are
  // ignored (the caller answers `locked` without evaluating the code).
  // Returns true when this outcome locked the till.
  bool record(Outcome outcome, TimePoint now);

 private:
  LockoutPolicy policy_;
  std::deque<TimePoint> failures_;
  std::optional<TimePoint> until_;
};

// One GuessLockout per till id.
class TillLockouts {
 public:
  explicit TillLockouts(LockoutPolicy policy = {}) : policy_(policy) {}

  [[nodiscard]] bool locked(std::string_view till, TimePoint now) const;
  [[nodiscard]] std::optional<TimePoint> locked_until(std::string_view till, TimePoint now) const;
  bool record(std::string_view till, Outcome outcome, TimePoint now);

 private:
  LockoutPolicy policy_;
  std::map<std::string, GuessLockout, std::less<>> tills_;
};

}  // namespace witryna::core
