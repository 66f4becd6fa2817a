#pragma once
// CLOCK_MONOTONIC in nanoseconds: one clock for every process on the machine,
// so a benchmark can compare a scan's time with the frame that showed it.

#include <time.h>

#include <cstdint>

namespace witryna::display {

inline std::int64_t monotonic_ns() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<std::int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

}  // namespace witryna::display
