#pragma once
// What a pure framer turns input into: a complete scan, or a scan given up.

#include <cstddef>
#include <string>
#include <string_view>

namespace witryna::drivers {

// Longest payload delivered (codes.md: a longer string is malformed). Longer
// input is dropped as it arrives, so no framer ever holds more than this.
inline constexpr std::size_t kMaxScanBytes = 4096;

enum class FrameKind {
  kScan,        // `payload` holds the scan
  kOverlong,    // more than the limit before the terminator: dropped up to it
  kTimedOut,    // a started scan saw no key within the timeout (HID)
  kIncomplete,  // the stream ended (EOF, device gone) before the terminator
};

struct Frame {
  FrameKind kind = FrameKind::kScan;
  std::string payload;  // empty unless kScan

  friend bool operator==(const Frame&, const Frame&) = default;
};

// The reason:: code a discarded frame is reported with ("" for kScan).
[[nodiscard]] std::string_view discard_reason(FrameKind kind);

}  // namespace witryna::drivers
