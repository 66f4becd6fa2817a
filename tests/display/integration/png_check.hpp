#pragma once
// Reading the PNGs witryna-display writes, and the measures the screenshot
// tests assert on.

#include <stb_image.h>

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace witryna::test {

struct Pixels {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> rgb;  // 3 bytes per pixel, top row first

  [[nodiscard]] bool empty() const { return width == 0; }
  [[nodiscard]] std::uint32_t at(int x, int y) const {
    const auto i = (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                    static_cast<std::size_t>(x)) *
                   3;
    return static_cast<std::uint32_t>(rgb[i]) << 16 | static_cast<std::uint32_t>(rgb[i + 1]) << 8 |
           rgb[i + 2];
  }
};

inline Pixels load_png(const std::filesystem::path& file) {
  Pixels out;
  int n = 0;
  std::unique_ptr<unsigned char, void (*)(void*)> data(
      stbi_load(file.c_str(), &out.width, &out.height, &n, 3), stbi_image_free);
  if (!data) return Pixels{};
  out.rgb.assign(data.get(), data.get() + static_cast<std::size_t>(out.width * out.height * 3));
  return out;
}

struct Region {
  int x0, y0, x1, y1;  // half-open
};

inline std::size_t distinct_colours(const Pixels& p) {
  std::set<std::uint32_t> seen;
  for (int y = 0; y < p.height; ++y) {
    for (int x = 0; x < p.width; ++x)
      seen.insert(p.at(x, y));
  }
  return seen.size();
}

// Share of pixels in `r` within `tolerance` (per channel) of `rgb`.
inline double share_of(const Pixels& p, Region r, std::uint32_t rgb, int tolerance = 6) {
  std::size_t hit = 0;
  std::size_t all = 0;
  for (int y = r.y0; y < r.y1; ++y) {
    for (int x = r.x0; x < r.x1; ++x) {
      const std::uint32_t c = p.at(x, y);
      bool close = true;
      for (int shift : {16, 8, 0}) {
        const int a = static_cast<int>((c >> shift) & 0xFF);
        const int b = static_cast<int>((rgb >> shift) & 0xFF);
        close = close && std::abs(a - b) <= tolerance;
      }
      hit += close ? 1 : 0;
      ++all;
    }
  }
  return all == 0 ? 0.0 : static_cast<double>(hit) / static_cast<double>(all);
}

// Mean absolute difference per channel (0..255) of two same-size images in `r`.
inline double mean_difference(const Pixels& a, const Pixels& b, Region r) {
  double sum = 0;
  std::size_t n = 0;
  for (int y = r.y0; y < r.y1; ++y) {
    for (int x = r.x0; x < r.x1; ++x) {
      const std::uint32_t ca = a.at(x, y);
      const std::uint32_t cb = b.at(x, y);
      for (int shift : {16, 8, 0}) {
        sum += std::abs(static_cast<int>((ca >> shift) & 0xFF) -
                        static_cast<int>((cb >> shift) & 0xFF));
        ++n;
      }
    }
  }
  return n == 0 ? 0.0 : sum / static_cast<double>(n);
}

}  // namespace witryna::test
