#pragma once

#include <chrono>
#include <thread>

namespace witryna::test {

// Polls `condition` until it holds or `deadline` passes; true if it held.
// Tests wait on a condition, never on a fixed sleep.
template <typename Condition>
[[nodiscard]] bool wait_until(Condition condition,
                              std::chrono::milliseconds deadline = std::chrono::seconds(10)) {
  const auto end = std::chrono::steady_clock::now() + deadline;
  while (std::chrono::steady_clock::now() < end) {
    if (condition()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return condition();
}

}  // namespace witryna::test
