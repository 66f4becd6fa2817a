#include "drivers/line_framer.hpp"

namespace witryna::drivers {

std::vector<Frame> LineFramer::feed(std::string_view bytes) {
  std::vector<Frame> frames;
  while (!bytes.empty()) {
    const auto end = bytes.find_first_of("\r\n");
    const auto chunk = bytes.substr(0, end);
    if (!discarding_) {
      if (partial_.size() + chunk.size() > max_bytes_) {
        discarding_ = true;
        partial_.clear();
        partial_.shrink_to_fit();
        frames.push_back({FrameKind::kOverlong, {}});
      } else {
        partial_.append(chunk);
      }
    }
    if (end == std::string_view::npos) break;
    if (!discarding_ && !partial_.empty()) {
      frames.push_back({FrameKind::kScan, std::move(partial_)});
    }
    partial_.clear();
    discarding_ = false;
    bytes.remove_prefix(end + 1);
  }
  return frames;
}

std::optional<Frame> LineFramer::finish() {
  const bool started = !discarding_ && !partial_.empty();
  partial_.clear();
  discarding_ = false;
  if (!started) return std::nullopt;
  return Frame{FrameKind::kIncomplete, {}};
}

}  // namespace witryna::drivers
