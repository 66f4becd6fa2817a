#pragma once

#include <cstdint>
#include <vector>

namespace witryna::display {

// 8-bit RGBA pixels, top row first.
struct Image {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> rgba;

  [[nodiscard]] bool empty() const { return width <= 0 || height <= 0; }
};

}  // namespace witryna::display
