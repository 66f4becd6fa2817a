#include "display/image/png.hpp"

#include <stb_image_write.h>

#include <fstream>

namespace witryna::display {
namespace {

void append_to_string(void* context, void* data, int size) {
  static_cast<std::string*>(context)->append(static_cast<const char*>(data),
                                             static_cast<std::size_t>(size));
}

}  // namespace

Result<std::string> encode_png(const Image& image) {
  if (image.empty() || image.rgba.size() != static_cast<std::size_t>(image.width) *
                                                static_cast<std::size_t>(image.height) * 4) {
    return fail(std::string(errc::kIo), "no pixels to encode");
  }
  std::string out;
  const int ok = stbi_write_png_to_func(append_to_string, &out, image.width, image.height, 4,
                                        image.rgba.data(), image.width * 4);
  if (ok == 0) return fail(std::string(errc::kIo), "PNG encoding failed");
  return out;
}

Result<void> write_png(const Image& image, const std::filesystem::path& path) {
  auto png = encode_png(image);
  if (!png) return Unexpected(png.error());
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file.write(png->data(), static_cast<std::streamsize>(png->size()));
  if (!file) return fail(std::string(errc::kIo), "cannot write " + path.string());
  return {};
}

}  // namespace witryna::display
