#pragma once
// Large rounded rectangles filled so that software GL (Mesa llvmpipe) can
// take its fast path for their interior. ImGui fills a rounded rectangle as a
// fan of thin triangles from one corner, so every 64×64 tile under the shape
// holds triangle edges and goes through llvmpipe's ordinary rasterizer, text
// and all. Drawn instead as a plain rectangle over the interior (two
// triangles forming an axis-aligned quad, which llvmpipe bins as a rectangle)
// plus ImGui's own shape clipped to the bands around it, the pixels are the
// same and the tiles inside the interior hold rectangles only.

#include <imgui.h>

#include <array>
#include <optional>

#include "display/views/widgets.hpp"

namespace witryna::display {

// llvmpipe's tile side: an interior narrower or shorter than this can hold no
// whole tile, so splitting the shape gains nothing for its extra draw calls.
inline constexpr float kMinSplitSide = 64.0f;

struct RoundedFillParts {
  // Whole pixels wholly inside the shape's opaque interior, clear of its
  // corners and anti-aliased edges: filled with a plain rectangle.
  Rect inner;
  // Whole pixels: above, below, left of and right of `inner`. They do not
  // overlap one another or `inner`, and together with it they cover every
  // pixel the shape touches, so drawing the shape clipped to each gives its
  // pixels there exactly once.
  std::array<Rect, 4> bands;
};

// How to split `shape` filled with ImGui's rounding `rounding` (all four
// corners); nothing when its interior is under `min_side` either way.
// Coordinates are framebuffer pixels (the display draws at scale 1 from 0, 0).
[[nodiscard]] std::optional<RoundedFillParts> split_rounded_fill(Rect shape, float rounding,
                                                                 float min_side = kMinSplitSide);

// ImDrawList::AddRectFilled(min, max, colour, rounding) with the same pixels,
// split as above when the shape is large enough.
void fill_rounded(ImDrawList* dl, ImVec2 min, ImVec2 max, ImU32 colour, float rounding);

}  // namespace witryna::display
