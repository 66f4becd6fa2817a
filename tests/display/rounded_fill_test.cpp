// display/views/rounded_fill: a large rounded rectangle drawn as plain
// rectangles, fringe ramps and clipped corners, checked pixel by pixel
// against the shape ImGui fills.
#include "display/views/rounded_fill.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

namespace witryna::display {
namespace rounded_fill_test {
namespace {

// Signed distance from `p` to a rectangle with corners rounded by `r`
// (negative inside): the shape ImGui fills, before its half-pixel fringe.
float distance(const Rect& s, float r, ImVec2 p) {
  const float hx = s.width() * 0.5f;
  const float hy = s.height() * 0.5f;
  const float qx = std::fabs(p.x - (s.min.x + hx)) - (hx - r);
  const float qy = std::fabs(p.y - (s.min.y + hy)) - (hy - r);
  const float outside = std::hypot(std::max(qx, 0.0f), std::max(qy, 0.0f));
  return outside + std::min(std::max(qx, qy), 0.0f) - r;
}

// A pixel is drawn when its centre is inside (GL's rule for axis-aligned edges).
bool contains(const Rect& r, ImVec2 p) {
  return p.x >= r.min.x && p.x < r.max.x && p.y >= r.min.y && p.y < r.max.y;
}

bool whole(const Rect& r) {
  return r.min.x == std::floor(r.min.x) && r.min.y == std::floor(r.min.y) &&
         r.max.x == std::floor(r.max.x) && r.max.y == std::floor(r.max.y);
}

// The fringe's alpha at `p`: 0 on its outer side, 1 on its inner side.
float ramp(const FringeRect& f, ImVec2 p) {
  switch (f.outer) {
    case FringeRect::Outer::kTop:
      return (p.y - f.rect.min.y) / f.rect.height();
    case FringeRect::Outer::kBottom:
      return (f.rect.max.y - p.y) / f.rect.height();
    case FringeRect::Outer::kLeft:
      return (p.x - f.rect.min.x) / f.rect.width();
    case FringeRect::Outer::kRight:
      return (f.rect.max.x - p.x) / f.rect.width();
  }
  return -1.0f;
}

struct Case {
  const char* name;
  Rect shape;
  float rounding;
};

// Card faces, shadows, slides, panels and buttons (shorter than on screen: the
// plan does not depend on the length of the straight edges), at whole and
// fractional positions.
const Case kPlanned[] = {
    {"card", {{40.0f, 300.0f}, {440.0f, 520.0f}}, 24.3f},
    {"fractional card", {{40.5f, 301.25f}, {339.7f, 488.6f}}, 24.3f},
    {"card shadow", {{40.5f, 305.3f}, {339.7f, 492.65f}}, 24.3f},
    {"slide", {{32.4f, 980.0f}, {332.6f, 1250.3f}}, 36.45f},
    {"landscape panel", {{20.0f, 80.0f}, {220.0f, 300.0f}}, 18.0f},
    {"touch button", {{700.3f, 930.1f}, {1030.6f, 1043.5f}}, 24.3f},
    {"offer badge", {{61.4f, 601.2f}, {290.6f, 731.0f}}, 19.44f},
    {"pill", {{564.2f, 319.3f}, {967.9f, 344.9f}}, 12.8f},
    {"pill at whole pixels", {{100.0f, 100.0f}, {300.0f, 160.0f}}, 30.0f},
    {"rounding larger than ImGui allows", {{0.0f, 0.0f}, {100.0f, 300.0f}}, 45.0f},
};

class PlanRoundedFill : public ::testing::TestWithParam<Case> {};

TEST_P(PlanRoundedFill, EveryTouchedPixelOnceWithImGuisValue) {
  const Case& c = GetParam();
  const auto plan = plan_rounded_fill(c.shape, c.rounding);
  ASSERT_TRUE(plan.has_value());
  for (const Rect& corner : plan->corners)
    EXPECT_TRUE(whole(corner)) << c.name;
  // ImGui shrinks the rounding to fit the shape (PathRect); whatever it draws
  // up to the rounding asked for, each pixel it touches is drawn once: with
  // the plain colour only where its inset shape is opaque, on a fringe ramp
  // only with the alpha its own fringe has there.
  const float drawn =
      std::min({c.rounding, c.shape.width() * 0.5f - 1.0f, c.shape.height() * 0.5f - 1.0f});
  for (const float r : {drawn, drawn * 0.5f, 0.0f}) {
    for (float y = std::floor(c.shape.min.y) - 3; y < c.shape.max.y + 3; ++y) {
      for (float x = std::floor(c.shape.min.x) - 3; x < c.shape.max.x + 3; ++x) {
        const ImVec2 centre(x + 0.5f, y + 0.5f);
        const float d = distance(c.shape, r, centre);
        int owners = 0;
        for (const Rect& corner : plan->corners)
          owners += contains(corner, centre) ? 1 : 0;
        for (const Rect& solid : plan->solid) {
          if (!contains(solid, centre)) continue;
          ++owners;
          ASSERT_LE(d, -0.5f + 1e-4f) << c.name << " solid at " << x << "," << y;
        }
        for (const FringeRect& f : plan->fringes) {
          if (!contains(f.rect, centre)) continue;
          ++owners;
          ASSERT_NEAR(ramp(f, centre), std::clamp(0.5f - d, 0.0f, 1.0f), 1e-4f)
              << c.name << " fringe at " << x << "," << y;
        }
        ASSERT_LE(owners, 1) << c.name << " pixel " << x << "," << y;
        // The fringe reaches half a pixel out; anything it touches needs an owner.
        if (d < 0.5f - 1e-4f) {
          ASSERT_EQ(owners, 1) << c.name << " pixel " << x << "," << y;
        }
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Shapes, PlanRoundedFill, ::testing::ValuesIn(kPlanned),
                         [](const ::testing::TestParamInfo<Case>& param) {
                           std::string name = param.param.name;
                           std::replace(name.begin(), name.end(), ' ', '_');
                           return name;
                         });

TEST(PlanRoundedFill, ShapesWithoutATileOfStraightEdgeStayWhole) {
  const Case kept[] = {
      {"short pill", {{100.0f, 100.0f}, {180.0f, 160.0f}}, 30.0f},
      {"small button", {{40.0f, 500.0f}, {140.0f, 613.4f}}, 24.3f},
      {"status badge", {{0.0f, 0.0f}, {60.0f, 60.0f}}, 10.0f},
  };
  for (const Case& c : kept)
    EXPECT_FALSE(plan_rounded_fill(c.shape, c.rounding)) << c.name;
}

}  // namespace
}  // namespace rounded_fill_test
}  // namespace witryna::display
