#pragma once
// Time in the core is a value passed in, never read from a clock here.

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "edge/core/result.hpp"

namespace witryna {

using Millis = std::chrono::milliseconds;
using Seconds = std::chrono::seconds;
// A UTC instant with millisecond precision (the contract's resolution).
using TimePoint = std::chrono::sys_time<Millis>;

// "2026-11-22T10:00:00.123Z" (always UTC, always milliseconds).
[[nodiscard]] std::string format_rfc3339(TimePoint t);

// Accepts RFC 3339 with or without fractional seconds, with `Z` or a
// numeric offset; fractions beyond milliseconds are truncated.
[[nodiscard]] Result<TimePoint> parse_rfc3339(std::string_view text);

// JWT NumericDate (seconds since the epoch) <-> TimePoint.
[[nodiscard]] inline TimePoint from_unix_seconds(std::int64_t s) {
  return TimePoint(std::chrono::duration_cast<Millis>(Seconds(s)));
}
[[nodiscard]] inline std::int64_t to_unix_seconds(TimePoint t) {
  return std::chrono::floor<Seconds>(t.time_since_epoch()).count();
}
[[nodiscard]] inline std::int64_t to_unix_millis(TimePoint t) {
  return t.time_since_epoch().count();
}
[[nodiscard]] inline TimePoint from_unix_millis(std::int64_t ms) { return TimePoint(Millis(ms)); }

// The UTC calendar day of `t` as days since the epoch (for per-day counters).
[[nodiscard]] inline std::int64_t utc_day(TimePoint t) {
  return std::chrono::floor<std::chrono::days>(t).time_since_epoch().count();
}

}  // namespace witryna
