#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "drivers/frame.hpp"
#include "drivers/hid/keymap.hpp"

namespace witryna::drivers::hid {

struct KeyFramerOptions {
  Layout layout = Layout::kUs;
  // A started scan with no key press or release for this long is given up
  // (a scanner unplugged mid-scan, a key pressed by hand).
  std::chrono::milliseconds timeout{200};
  std::size_t max_bytes = kMaxScanBytes;
};

// Turns the key events of a keyboard-wedge scanner into scans. A scan ends at
// Enter (main or keypad); key repeats (value 2) are ignored, releases (value 0)
// only end Shift/AltGr. Pure: no I/O, the time is passed in.
class KeyFramer {
 public:
  using Instant = std::chrono::steady_clock::time_point;

  explicit KeyFramer(KeyFramerOptions options) : options_(options) {}

  // One EV_KEY event (`value`: 1 press, 0 release, 2 repeat) seen at `now`.
  // Returns the frames it finishes: a started scan that had already timed out
  // (kTimedOut), a scan ended by Enter (kScan), a scan grown too long (kOverlong).
  [[nodiscard]] std::vector<Frame> key(int code, int value, Instant now);
  // When a started scan is to be given up unless a key comes first; nullopt when idle.
  [[nodiscard]] std::optional<Instant> deadline() const;
  // Gives up a started scan whose deadline is not after `now` (kTimedOut; nothing
  // for a scan already reported kOverlong). Calling it early does nothing.
  [[nodiscard]] std::optional<Frame> expire(Instant now);
  // The device went away: forgets held keys and returns a started scan as
  // kIncomplete. Caps Lock state is forgotten too.
  [[nodiscard]] std::optional<Frame> reset();

  [[nodiscard]] const Modifiers& modifiers() const { return modifiers_; }

 private:
  [[nodiscard]] bool started() const { return discarding_ || !partial_.empty(); }
  void clear();

  KeyFramerOptions options_;
  Modifiers modifiers_;
  bool left_shift_ = false;
  bool right_shift_ = false;
  std::string partial_;
  bool discarding_ = false;
  Instant last_key_{};
};

}  // namespace witryna::drivers::hid
