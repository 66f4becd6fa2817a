#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "drivers/frame.hpp"

namespace witryna::drivers::sim {

// What a simulated scanner's input (FIFO, TCP) tells the scanner.
struct SourceCallbacks {
  std::function<void(Frame)> on_frame;
  // up: reading (reason::kOk); down: not, with a reason:: code and a detail.
  std::function<void(bool up, std::string_view reason, std::string detail)> on_state;
};

}  // namespace witryna::drivers::sim
