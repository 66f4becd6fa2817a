#include "display/app/draw_runs.hpp"

#include <cmath>

namespace witryna::display {
namespace {

bool opaque_solid(const ImDrawVert& v, ImVec2 white_uv) {
  return v.uv.x == white_uv.x && v.uv.y == white_uv.y &&
         ((v.col >> IM_COL32_A_SHIFT) & 0xFF) == 0xFF;
}

float area(const ImDrawVert& a, const ImDrawVert& b, const ImDrawVert& c) {
  return std::fabs((b.pos.x - a.pos.x) * (c.pos.y - a.pos.y) -
                   (c.pos.x - a.pos.x) * (b.pos.y - a.pos.y)) *
         0.5f;
}

}  // namespace

std::vector<DrawRun> split_runs(std::span<const ImDrawVert> vertices,
                                std::span<const ImDrawIdx> indices, unsigned first, unsigned count,
                                unsigned vtx_offset, ImVec2 white_uv, float min_opaque_area) {
  std::vector<DrawRun> runs;
  const auto add = [&runs](unsigned at, unsigned n, Fill fill) {
    if (n == 0) return;
    if (!runs.empty() && runs.back().fill == fill && runs.back().first + runs.back().count == at) {
      runs.back().count += n;
    } else {
      runs.push_back(DrawRun{at, n, fill});
    }
  };
  const unsigned end = first + count - count % 3;
  // The stretch of triangles since `from`, all opaque or all not.
  unsigned from = first;
  bool opaque = false;
  float opaque_area = 0;
  const auto close = [&](unsigned at) {
    add(from, at - from, opaque && opaque_area >= min_opaque_area ? Fill::kOpaque : Fill::kBlended);
  };
  for (unsigned i = first; i < end; i += 3) {
    const ImDrawVert& a = vertices[vtx_offset + indices[i]];
    const ImDrawVert& b = vertices[vtx_offset + indices[i + 1]];
    const ImDrawVert& c = vertices[vtx_offset + indices[i + 2]];
    const bool o =
        opaque_solid(a, white_uv) && opaque_solid(b, white_uv) && opaque_solid(c, white_uv);
    if (o != opaque) {
      close(i);
      from = i;
      opaque = o;
      opaque_area = 0;
    }
    if (o) opaque_area += area(a, b, c);
  }
  close(end);
  return runs;
}

}  // namespace witryna::display
