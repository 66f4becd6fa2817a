#pragma once
// The adapters' one reading of the wall clock (cores get `now` passed in).

#include <chrono>

#include "edge/core/time.hpp"

namespace witryna::sync {

[[nodiscard]] inline TimePoint wall_now() {
  return std::chrono::time_point_cast<Millis>(std::chrono::system_clock::now());
}

}  // namespace witryna::sync
