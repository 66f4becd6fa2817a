#include "drivers/frame.hpp"

#include "drivers/scanner.hpp"

namespace witryna::drivers {

std::string_view discard_reason(FrameKind kind) {
  switch (kind) {
    case FrameKind::kScan:
      return {};
    case FrameKind::kOverlong:
      return reason::kOverlong;
    case FrameKind::kTimedOut:
      return reason::kTimeout;
    case FrameKind::kIncomplete:
      return reason::kIncomplete;
  }
  return {};
}

std::string_view to_string(StatusKind kind) {
  switch (kind) {
    case StatusKind::kConnected:
      return "connected";
    case StatusKind::kDisconnected:
      return "disconnected";
    case StatusKind::kDiscarded:
      return "discarded";
  }
  return "?";
}

}  // namespace witryna::drivers
