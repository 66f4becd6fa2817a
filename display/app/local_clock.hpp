#pragma once

#include "display/model/format.hpp"

namespace witryna::display {

// `now` with the system's UTC offset at that instant (TZ, or device.timezone
// applied at start), for formatting local times.
[[nodiscard]] LocalClock local_clock(TimePoint now);

// The wall clock as a TimePoint.
[[nodiscard]] TimePoint system_now();

}  // namespace witryna::display
