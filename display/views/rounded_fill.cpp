#include "display/views/rounded_fill.hpp"

#include <cmath>

namespace witryna::display {
namespace {

bool overlaps(const Rect& a, ImVec2 min, ImVec2 max) {
  return a.min.x < max.x && min.x < a.max.x && a.min.y < max.y && min.y < a.max.y;
}

}  // namespace

std::optional<RoundedFillPlan> plan_rounded_fill(Rect shape, float rounding, float min_side) {
  const float x0 = shape.min.x;
  const float y0 = shape.min.y;
  const float x1 = shape.max.x;
  const float y1 = shape.max.y;
  // Whole pixels where the edges are straight: a pixel past `rounding` from
  // each corner, clear of the slant ImGui gives the fringe where an arc meets
  // a straight edge (its normals are averaged there).
  const float cx0 = std::ceil(x0 + rounding + 1.0f);
  const float cx1 = std::floor(x1 - rounding - 1.0f);
  float cy0 = std::ceil(y0 + rounding + 1.0f);
  float cy1 = std::floor(y1 - rounding - 1.0f);
  // Worth its extra draw calls when a straight stretch is at least a tile long.
  if (cx1 <= cx0 || std::max(cx1 - cx0, cy1 - cy0) < min_side) return std::nullopt;
  // A pill (rounding of half its height) has no straight sides: its corner
  // boxes meet halfway down, and the middle row of the plan is empty.
  if (cy1 < cy0) cy0 = cy1 = std::round((y0 + y1) * 0.5f);
  // Every pixel the shape and its fringe can touch, with a pixel to spare.
  const float ox0 = std::floor(x0) - 1.0f;
  const float ox1 = std::ceil(x1) + 1.0f;
  const float oy0 = std::floor(y0) - 1.0f;
  const float oy1 = std::ceil(y1) + 1.0f;
  using Outer = FringeRect::Outer;
  return RoundedFillPlan{
      .corners = {Rect{ImVec2(ox0, oy0), ImVec2(cx0, cy0)},
                  Rect{ImVec2(cx1, oy0), ImVec2(ox1, cy0)},
                  Rect{ImVec2(ox0, cy1), ImVec2(cx0, oy1)},
                  Rect{ImVec2(cx1, cy1), ImVec2(ox1, oy1)}},
      .solid = {Rect{ImVec2(cx0, y0 + 0.5f), ImVec2(cx1, cy0)},
                Rect{ImVec2(x0 + 0.5f, cy0), ImVec2(x1 - 0.5f, cy1)},
                Rect{ImVec2(cx0, cy1), ImVec2(cx1, y1 - 0.5f)}},
      .fringes = {FringeRect{{ImVec2(cx0, y0 - 0.5f), ImVec2(cx1, y0 + 0.5f)}, Outer::kTop},
                  FringeRect{{ImVec2(cx0, y1 - 0.5f), ImVec2(cx1, y1 + 0.5f)}, Outer::kBottom},
                  FringeRect{{ImVec2(x0 - 0.5f, cy0), ImVec2(x0 + 0.5f, cy1)}, Outer::kLeft},
                  FringeRect{{ImVec2(x1 - 0.5f, cy0), ImVec2(x1 + 0.5f, cy1)}, Outer::kRight}},
  };
}

void fill_rounded(ImDrawList* dl, ImVec2 min, ImVec2 max, ImU32 colour, float rounding) {
  const auto plan = rounding >= 0.5f ? plan_rounded_fill(Rect{min, max}, rounding) : std::nullopt;
  if (!plan) {
    dl->AddRectFilled(min, max, colour, rounding);
    return;
  }
  const ImVec2 clip_min = dl->GetClipRectMin();
  const ImVec2 clip_max = dl->GetClipRectMax();
  // Unrounded: ImGui emits one axis-aligned quad (PrimRect), no fringe.
  for (const Rect& r : plan->solid) {
    if (r.height() > 0 && overlaps(r, clip_min, clip_max)) dl->AddRectFilled(r.min, r.max, colour);
  }
  // ImGui's fringe fades to the colour with no alpha (AddConvexPolyFilled).
  const ImU32 clear = colour & ~IM_COL32_A_MASK;
  for (const FringeRect& f : plan->fringes) {
    if (f.rect.height() <= 0 || !overlaps(f.rect, clip_min, clip_max)) continue;
    using Outer = FringeRect::Outer;
    const bool top_clear = f.outer == Outer::kTop;
    const bool bottom_clear = f.outer == Outer::kBottom;
    const bool left_clear = f.outer == Outer::kLeft;
    const bool right_clear = f.outer == Outer::kRight;
    dl->AddRectFilledMultiColor(f.rect.min, f.rect.max,
                                top_clear || left_clear ? clear : colour,      // upper left
                                top_clear || right_clear ? clear : colour,     // upper right
                                bottom_clear || right_clear ? clear : colour,  // lower right
                                bottom_clear || left_clear ? clear : colour);  // lower left
  }
  for (const Rect& corner : plan->corners) {
    if (!overlaps(corner, clip_min, clip_max)) continue;
    dl->PushClipRect(corner.min, corner.max, true);
    dl->AddRectFilled(min, max, colour, rounding);
    dl->PopClipRect();
  }
}

}  // namespace witryna::display
