#pragma once
// Times for sync core tables: milliseconds after a fixed instant.

#include "edge/core/time.hpp"

namespace witryna::sync::core::test {

inline TimePoint at_ms(long long ms) {
  return from_unix_millis(1'795'000'000'000LL) + Millis(ms);
}
inline TimePoint at_s(long long s) {
  return at_ms(s * 1000);
}

}  // namespace witryna::sync::core::test
