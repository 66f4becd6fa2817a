#pragma once
// Large rounded rectangles filled so that software GL (Mesa llvmpipe) can
// take its fast "linear" path wherever the shape is straight. ImGui fills a
// rounded rectangle as a fan of thin triangles from one corner plus an
// anti-aliased fringe, so every 64×64 tile the shape touches holds triangle
// edges and goes through llvmpipe's ordinary rasterizer, text and all; the
// linear path takes only tiles that hold axis-aligned quads (two triangles
// forming a rectangle). Drawn instead as plain rectangles where the shape is
// solid, the straight stretches of its fringe as rectangles with the same
// alpha ramp, and ImGui's own shape clipped to the four corner boxes, only
// the corners' tiles need the ordinary rasterizer. The pixels are ImGui's:
// each is drawn once, by the same plane of colour (the fringe's alpha is a
// function of the distance to the straight edge alone).

#include <imgui.h>

#include <array>
#include <optional>

#include "display/views/widgets.hpp"

namespace witryna::display {

// llvmpipe's tile side: a shape whose straight edges are all shorter than
// this gains little from being split for its extra draw calls.
inline constexpr float kMinSplitSide = 64.0f;

// A stretch of anti-aliased edge: the alpha ramps from 0 on the `outer` side
// of `rect` to the fill colour's on the opposite side.
struct FringeRect {
  enum class Outer : unsigned char { kTop, kBottom, kLeft, kRight };
  Rect rect;
  Outer outer = Outer::kTop;
};

struct RoundedFillPlan {
  // Whole pixels around each corner (top left, top right, bottom left, bottom
  // right) where ImGui's own shape is drawn, clipped.
  std::array<Rect, 4> corners;
  // Filled with the plain colour: the shape inset by half a pixel (ImGui's
  // opaque inner polygon) between the corner boxes. Edges may be fractional:
  // a pixel is covered when its centre is inside, as by ImGui's triangles.
  std::array<Rect, 3> solid;
  // The fringe along the straight edges between the corner boxes: half a
  // pixel either side of the edge, as ImGui's fringe.
  std::array<FringeRect, 4> fringes;
};

// How to draw `shape` filled with ImGui's rounding `rounding` (all four
// corners; ImGui may draw less rounding, never more); nothing when no
// straight edge is `min_side` long, or when the corners leave none. Framebuffer pixels (the display
// draws at scale 1 from 0, 0).
[[nodiscard]] std::optional<RoundedFillPlan> plan_rounded_fill(Rect shape, float rounding,
                                                               float min_side = kMinSplitSide);

// ImDrawList::AddRectFilled(min, max, colour, rounding) drawn as planned
// above when the shape is large enough; within the current clip rectangle.
void fill_rounded(ImDrawList* dl, ImVec2 min, ImVec2 max, ImU32 colour, float rounding);

}  // namespace witryna::display
