#pragma once

#include <algorithm>

#include "edge/core/time.hpp"

namespace witryna::display {

// Reconnect delays: initial, doubled after each failure, capped at max;
// reset() after a healthy connection.
class Backoff {
 public:
  Backoff(Millis initial, Millis max) : initial_(initial), max_(std::max(initial, max)) {}

  [[nodiscard]] Millis next() {
    const Millis out = current_.count() == 0 ? initial_ : current_;
    current_ = std::min(out * 2, max_);
    return out;
  }
  void reset() { current_ = Millis(0); }

 private:
  Millis initial_;
  Millis max_;
  Millis current_{0};
};

}  // namespace witryna::display
