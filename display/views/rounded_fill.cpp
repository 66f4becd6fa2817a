#include "display/views/rounded_fill.hpp"

#include <cmath>

namespace witryna::display {

std::optional<RoundedFillParts> split_rounded_fill(Rect shape, float rounding, float min_side) {
  // ImGui's anti-aliased fill is opaque inside the shape inset by half a
  // pixel; its fringe reaches half a pixel outside. A pixel (centre at +0.5)
  // belongs to `inner` when its centre is at least a pixel inside the
  // straight edges and a pixel below/above the corners' arcs, which ImGui
  // keeps within `rounding` of the top and bottom (it only ever shrinks the
  // rounding to fit the shape).
  const float ix0 = std::ceil(shape.min.x + 0.5f);
  const float ix1 = std::floor(shape.max.x - 0.5f);
  const float iy0 = std::ceil(shape.min.y + rounding + 0.5f);
  const float iy1 = std::floor(shape.max.y - rounding - 0.5f);
  if (ix1 - ix0 < min_side || iy1 - iy0 < min_side) return std::nullopt;
  // Every pixel the shape and its fringe can touch, with a pixel to spare.
  const float ox0 = std::floor(shape.min.x) - 1.0f;
  const float ox1 = std::ceil(shape.max.x) + 1.0f;
  const float oy0 = std::floor(shape.min.y) - 1.0f;
  const float oy1 = std::ceil(shape.max.y) + 1.0f;
  return RoundedFillParts{
      .inner = {ImVec2(ix0, iy0), ImVec2(ix1, iy1)},
      .bands = {Rect{ImVec2(ox0, oy0), ImVec2(ox1, iy0)}, Rect{ImVec2(ox0, iy1), ImVec2(ox1, oy1)},
                Rect{ImVec2(ox0, iy0), ImVec2(ix0, iy1)}, Rect{ImVec2(ix1, iy0), ImVec2(ox1, iy1)}},
  };
}

void fill_rounded(ImDrawList* dl, ImVec2 min, ImVec2 max, ImU32 colour, float rounding) {
  const auto parts = rounding >= 0.5f ? split_rounded_fill(Rect{min, max}, rounding) : std::nullopt;
  if (!parts) {
    dl->AddRectFilled(min, max, colour, rounding);
    return;
  }
  // Unrounded: ImGui emits one axis-aligned quad (PrimRect), no fringe.
  dl->AddRectFilled(parts->inner.min, parts->inner.max, colour);
  for (const Rect& band : parts->bands) {
    dl->PushClipRect(band.min, band.max, true);
    dl->AddRectFilled(min, max, colour, rounding);
    dl->PopClipRect();
  }
}

}  // namespace witryna::display
