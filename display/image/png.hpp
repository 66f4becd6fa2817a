#pragma once
// PNG encoding: the container written here, the pixels deflated by zlib.

#include <filesystem>
#include <string>

#include "display/image/image.hpp"
#include "edge/core/result.hpp"

namespace witryna::display {

// The PNG file bytes for `image`; io error for an empty image.
[[nodiscard]] Result<std::string> encode_png(const Image& image);

// Writes `image` as a PNG at `path` (replacing it); io error with the path.
[[nodiscard]] Result<void> write_png(const Image& image, const std::filesystem::path& path);

}  // namespace witryna::display
