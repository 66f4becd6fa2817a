#pragma once
// PNG encoding with stb_image_write (Debian's libstb holds the implementation).

#include <filesystem>
#include <string>

#include "display/image/image.hpp"
#include "edge/core/result.hpp"

namespace witryna::display {

// The PNG file bytes for `image`; io error if stb refuses (empty image).
[[nodiscard]] Result<std::string> encode_png(const Image& image);

// Writes `image` as a PNG at `path` (replacing it); io error with the path.
[[nodiscard]] Result<void> write_png(const Image& image, const std::filesystem::path& path);

}  // namespace witryna::display
