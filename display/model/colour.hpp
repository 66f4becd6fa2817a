#pragma once

#include <cstdint>
#include <string_view>

#include "edge/core/result.hpp"

namespace witryna::display {

struct Rgb {
  std::uint8_t r = 0;
  std::uint8_t g = 0;
  std::uint8_t b = 0;

  friend bool operator==(const Rgb&, const Rgb&) = default;
};

// "#1E3A5F" or "1E3A5F" (case-insensitive) → Rgb; config_invalid otherwise.
[[nodiscard]] Result<Rgb> parse_hex_colour(std::string_view text);

// Relative luminance 0..1 (sRGB, WCAG), to pick readable text on a brand colour.
[[nodiscard]] double luminance(Rgb c);

}  // namespace witryna::display
