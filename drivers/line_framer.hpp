#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "drivers/frame.hpp"

namespace witryna::drivers {

// Frames a byte stream (serial scanner, simulated scanner) into scans. A scan
// ends at CR, LF or CRLF; empty lines are skipped (so CRLF is one
// terminator). A line longer than `max_bytes` is reported once as kOverlong
// and dropped up to its terminator: memory stays bounded whatever arrives.
// Pure: no I/O, no clock.
class LineFramer {
 public:
  explicit LineFramer(std::size_t max_bytes = kMaxScanBytes) : max_bytes_(max_bytes) {}

  // Feeds bytes; returns the frames they complete, in order.
  [[nodiscard]] std::vector<Frame> feed(std::string_view bytes);
  // The stream ended: a started, unterminated line is returned as kIncomplete
  // (a line already reported kOverlong is not reported again). Ready for a new stream.
  [[nodiscard]] std::optional<Frame> finish();

 private:
  std::size_t max_bytes_;
  std::string partial_;
  bool discarding_ = false;
};

}  // namespace witryna::drivers
