// display/app/draw_runs: which triangles of a draw command may skip blending
// and the atlas, and that the runs keep ImGui's order.
#include "display/app/draw_runs.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace witryna::display {
namespace draw_runs_test {
namespace {

const ImVec2 kWhite{0.25f, 0.25f};
constexpr ImU32 kOpaque = IM_COL32(200, 16, 46, 255);
constexpr ImU32 kTranslucent = IM_COL32(0, 0, 0, 18);

struct Mesh {
  std::vector<ImDrawVert> vertices;
  std::vector<ImDrawIdx> indices;

  // An axis-aligned quad as two triangles.
  void quad(ImVec2 a, ImVec2 b, ImU32 colour, ImVec2 uv = kWhite) {
    const auto first = static_cast<ImDrawIdx>(vertices.size());
    for (const ImVec2 p : {a, ImVec2(b.x, a.y), b, ImVec2(a.x, b.y)})
      vertices.push_back(ImDrawVert{p, uv, colour});
    for (const int i : {0, 1, 2, 0, 2, 3})
      indices.push_back(static_cast<ImDrawIdx>(first + i));
  }
  [[nodiscard]] std::vector<DrawRun> runs(float min_area = kMinOpaqueRunArea) const {
    return split_runs(vertices, indices, 0, static_cast<unsigned>(indices.size()), 0, kWhite,
                      min_area);
  }
};

TEST(DrawRuns, LargeOpaqueSolidShapesSkipBlending) {
  Mesh m;
  m.quad({0, 0}, {400, 300}, kOpaque);
  const auto runs = m.runs();
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].fill, Fill::kOpaque);
  EXPECT_EQ(runs[0].first, 0u);
  EXPECT_EQ(runs[0].count, 6u);
}

TEST(DrawRuns, TranslucentTexturedAndSmallShapesStayBlended) {
  Mesh m;
  m.quad({0, 0}, {400, 300}, kTranslucent);                 // a shadow
  m.quad({0, 0}, {400, 300}, kOpaque, ImVec2(0.5f, 0.5f));  // a glyph: samples the atlas
  m.quad({0, 0}, {20, 20}, kOpaque);                        // too small to switch for
  const auto runs = m.runs();
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].fill, Fill::kBlended);
  EXPECT_EQ(runs[0].count, 18u);
}

TEST(DrawRuns, RunsKeepTheOrderAndCoverEveryIndexOnce) {
  Mesh m;
  m.quad({0, 0}, {1080, 200}, kOpaque);      // header
  m.quad({10, 10}, {60, 60}, kTranslucent);  // something over it
  m.quad({0, 300}, {1080, 900}, kOpaque);    // a card
  m.quad({0, 300}, {1080, 301}, kOpaque);    // its 1-pixel edge joins the card's run
  m.quad({20, 320}, {40, 340}, kOpaque, ImVec2(0.5f, 0.5f));  // text on the card
  const auto runs = m.runs();
  ASSERT_EQ(runs.size(), 4u);
  EXPECT_EQ(runs[0].fill, Fill::kOpaque);
  EXPECT_EQ(runs[1].fill, Fill::kBlended);
  EXPECT_EQ(runs[2].fill, Fill::kOpaque);
  EXPECT_EQ(runs[3].fill, Fill::kBlended);
  unsigned next = 0;
  for (const auto& run : runs) {
    EXPECT_EQ(run.first, next);
    EXPECT_EQ(run.count % 3, 0u);
    next += run.count;
  }
  EXPECT_EQ(next, m.indices.size());
  EXPECT_EQ(runs[2].count, 12u);
}

TEST(DrawRuns, OneCommandOfAListWithItsVertexOffset) {
  Mesh m;
  m.quad({0, 0}, {10, 10}, kTranslucent);
  m.quad({0, 0}, {400, 300}, kOpaque);
  // The second quad as a command of its own: indices 6..11, relative to vertex 4.
  std::vector<ImDrawIdx> indices = m.indices;
  for (std::size_t i = 6; i < indices.size(); ++i)
    indices[i] = static_cast<ImDrawIdx>(indices[i] - 4);
  const auto runs = split_runs(m.vertices, indices, 6, 6, 4, kWhite);
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].fill, Fill::kOpaque);
  EXPECT_EQ(runs[0].first, 6u);
  EXPECT_EQ(runs[0].count, 6u);
}

TEST(DrawRuns, NothingToDraw) {
  const Mesh m;
  EXPECT_TRUE(m.runs().empty());
}

}  // namespace
}  // namespace draw_runs_test
}  // namespace witryna::display
