#include "display/app/frame_capture.hpp"

#include <GL/gl.h>

#include <algorithm>
#include <cstring>

namespace witryna::display {

Image capture_frame(int width, int height) {
  Image image;
  if (width <= 0 || height <= 0) return image;
  image.width = width;
  image.height = height;
  const std::size_t row = static_cast<std::size_t>(width) * 4;
  image.rgba.resize(row * static_cast<std::size_t>(height));
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
  // OpenGL's first row is the bottom one.
  for (std::size_t y = 0; y < static_cast<std::size_t>(height) / 2; ++y) {
    auto* a = image.rgba.data() + y * row;
    auto* b = image.rgba.data() + (static_cast<std::size_t>(height) - 1 - y) * row;
    std::swap_ranges(a, a + row, b);
  }
  // What is shown is opaque, whatever the blending left in alpha.
  for (std::size_t i = 3; i < image.rgba.size(); i += 4)
    image.rgba[i] = 255;
  return image;
}

}  // namespace witryna::display
