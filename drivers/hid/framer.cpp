#include "drivers/hid/framer.hpp"

#include <linux/input-event-codes.h>

namespace witryna::drivers::hid {
namespace {

constexpr int kRelease = 0;
constexpr int kPress = 1;

}  // namespace

std::vector<Frame> KeyFramer::key(int code, int value, Instant now) {
  std::vector<Frame> frames;
  if (value != kPress && value != kRelease) return frames;  // repeats: a held key is one key
  if (auto stale = expire(now)) frames.push_back(std::move(*stale));
  last_key_ = now;

  const bool pressed = value == kPress;
  switch (code) {
    case KEY_LEFTSHIFT:
      left_shift_ = pressed;
      modifiers_.shift = left_shift_ || right_shift_;
      return frames;
    case KEY_RIGHTSHIFT:
      right_shift_ = pressed;
      modifiers_.shift = left_shift_ || right_shift_;
      return frames;
    case KEY_RIGHTALT:
      modifiers_.altgr = pressed;
      return frames;
    case KEY_CAPSLOCK:
      if (pressed) modifiers_.caps_lock = !modifiers_.caps_lock;
      return frames;
    default:
      break;
  }
  if (!pressed) return frames;

  if (code == KEY_ENTER || code == KEY_KPENTER) {
    if (!discarding_ && !partial_.empty())
      frames.push_back({FrameKind::kScan, std::move(partial_)});
    clear();
    return frames;
  }
  const auto text = translate(options_.layout, code, modifiers_);
  if (text.empty() || discarding_) return frames;
  if (partial_.size() + text.size() > options_.max_bytes) {
    discarding_ = true;
    partial_.clear();
    partial_.shrink_to_fit();
    frames.push_back({FrameKind::kOverlong, {}});
    return frames;
  }
  partial_.append(text);
  return frames;
}

std::optional<KeyFramer::Instant> KeyFramer::deadline() const {
  if (!started()) return std::nullopt;
  return last_key_ + options_.timeout;
}

std::optional<Frame> KeyFramer::expire(Instant now) {
  const auto due = deadline();
  if (!due || now < *due) return std::nullopt;
  const bool reported = discarding_;
  clear();
  if (reported) return std::nullopt;
  return Frame{FrameKind::kTimedOut, {}};
}

std::optional<Frame> KeyFramer::reset() {
  const bool pending = !discarding_ && !partial_.empty();
  clear();
  modifiers_ = {};
  left_shift_ = false;
  right_shift_ = false;
  if (!pending) return std::nullopt;
  return Frame{FrameKind::kIncomplete, {}};
}

void KeyFramer::clear() {
  partial_.clear();
  discarding_ = false;
}

}  // namespace witryna::drivers::hid
