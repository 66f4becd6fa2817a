#pragma once

#include "display/image/image.hpp"

namespace witryna::display {

// The current frame's pixels from the back buffer. Call after drawing and
// before swapping buffers, on the thread that owns the GL context.
[[nodiscard]] Image capture_frame(int width, int height);

}  // namespace witryna::display
