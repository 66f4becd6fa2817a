#pragma once
// Delay before the next reconnect attempt: capped exponential with jitter, so
// thousands of stores coming back after a broker outage spread out. The
// random value comes from the caller (any uniformly distributed uint64).

#include <cstdint>

#include "edge/core/time.hpp"

namespace witryna::sync::core {

enum class Jitter {
  kFull,          // uniform in [0, min(cap, base * 2^attempt)]  (AWS "full jitter")
  kDecorrelated,  // uniform in [base, min(cap, previous * 3)]   (AWS "decorrelated jitter")
};

struct BackoffOptions {
  Millis base{500};
  Millis cap{30'000};
  Jitter jitter = Jitter::kFull;
};

class Backoff {
 public:
  explicit Backoff(BackoffOptions options = {});

  // The delay before the next attempt; counts the attempt. Always within
  // [0, cap] (kFull) or [base, cap] (kDecorrelated; cap if cap < base).
  [[nodiscard]] Millis next_delay(std::uint64_t random);
  // After a successful connect: the next failure starts from `base` again.
  void reset();

  [[nodiscard]] int attempts() const { return attempts_; }
  // The upper end of the next delay's range (without jitter).
  [[nodiscard]] Millis ceiling() const;

 private:
  BackoffOptions options_;
  int attempts_ = 0;
  Millis previous_;
};

}  // namespace witryna::sync::core
