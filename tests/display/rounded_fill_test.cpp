// display/views/rounded_fill: the split of a large rounded rectangle into a
// plain interior and four bands, checked pixel by pixel against the shape.
#include "display/views/rounded_fill.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

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

bool contains(const Rect& r, ImVec2 p) {
  return p.x >= r.min.x && p.x < r.max.x && p.y >= r.min.y && p.y < r.max.y;
}

bool whole(float v) {
  return v == std::floor(v);
}

struct Case {
  const char* name;
  Rect shape;
  float rounding;
};

// Card faces, slides and panels (shorter than on screen: the split does not
// depend on the length of the straight edges), at whole and fractional positions.
const Case kSplit[] = {
    {"card", {{40.0f, 300.0f}, {440.0f, 520.0f}}, 24.3f},
    {"fractional card", {{40.5f, 301.25f}, {339.7f, 488.6f}}, 24.3f},
    {"slide", {{32.4f, 980.0f}, {332.6f, 1250.3f}}, 36.45f},
    {"landscape panel", {{20.0f, 80.0f}, {220.0f, 300.0f}}, 18.0f},
    {"rounding larger than ImGui allows", {{0.0f, 0.0f}, {100.0f, 300.0f}}, 80.0f},
};

class SplitRoundedFill : public ::testing::TestWithParam<Case> {};

TEST_P(SplitRoundedFill, EveryTouchedPixelOnceAndTheInteriorOnlyWhereOpaque) {
  const Case& c = GetParam();
  const auto parts = split_rounded_fill(c.shape, c.rounding);
  ASSERT_TRUE(parts.has_value());
  for (const Rect& r :
       {parts->inner, parts->bands[0], parts->bands[1], parts->bands[2], parts->bands[3]}) {
    EXPECT_TRUE(whole(r.min.x) && whole(r.min.y) && whole(r.max.x) && whole(r.max.y));
  }
  EXPECT_GE(parts->inner.width(), kMinSplitSide);
  EXPECT_GE(parts->inner.height(), kMinSplitSide);
  // ImGui shrinks the rounding to fit the shape (PathRect); whatever it
  // draws up to that, the interior must stay opaque and the bands must hold
  // all the rest.
  const float drawn =
      std::min({c.rounding, c.shape.width() * 0.5f - 1.0f, c.shape.height() * 0.5f - 1.0f});
  for (const float r : {drawn, drawn * 0.5f, 0.0f}) {
    for (float y = std::floor(c.shape.min.y) - 4; y < c.shape.max.y + 4; ++y) {
      for (float x = std::floor(c.shape.min.x) - 4; x < c.shape.max.x + 4; ++x) {
        const ImVec2 centre(x + 0.5f, y + 0.5f);
        int owners = contains(parts->inner, centre) ? 1 : 0;
        for (const Rect& band : parts->bands)
          owners += contains(band, centre) ? 1 : 0;
        const float d = distance(c.shape, r, centre);
        ASSERT_LE(owners, 1) << c.name << " pixel " << x << "," << y;
        // The fringe reaches half a pixel out; anything it touches needs an owner.
        if (d < 0.5f) {
          ASSERT_EQ(owners, 1) << c.name << " pixel " << x << "," << y;
        }
        // The plain fill only where ImGui's inset shape is opaque, with half a pixel to
        // spare (less a float rounding).
        if (contains(parts->inner, centre)) {
          ASSERT_LE(d, -0.999f) << c.name << " pixel " << x << "," << y;
        }
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Shapes, SplitRoundedFill, ::testing::ValuesIn(kSplit),
                         [](const ::testing::TestParamInfo<Case>& param) {
                           std::string name = param.param.name;
                           std::replace(name.begin(), name.end(), ' ', '_');
                           return name;
                         });

TEST(SplitRoundedFill, ShapesWithNoRoomForAWholeTileStayWhole) {
  const Case kept[] = {
      {"pill", {{100.0f, 100.0f}, {300.0f, 160.0f}}, 30.0f},
      {"touch button", {{40.0f, 500.0f}, {1040.0f, 613.4f}}, 24.3f},
      {"narrow column", {{0.0f, 0.0f}, {60.0f, 900.0f}}, 10.0f},
  };
  for (const Case& c : kept)
    EXPECT_FALSE(split_rounded_fill(c.shape, c.rounding)) << c.name;
}

}  // namespace
}  // namespace rounded_fill_test
}  // namespace witryna::display
