#pragma once
// How a draw command's triangles are filled. ImGui draws everything with one
// textured, blended pipeline: solid shapes sample the atlas's white pixel.
// With software GL (llvmpipe) blending and sampling are paid per pixel, so
// large opaque solid shapes (card and button faces, slide backgrounds) go to
// a pipeline without either; the result is the same pixels. Pure: no GL.

#include <imgui.h>

#include <cstdint>
#include <span>
#include <vector>

namespace witryna::display {

enum class Fill : std::uint8_t {
  kBlended,  // ImGui's own: vertex colour × atlas, alpha-blended
  kOpaque,   // vertex colour only, no blending: every vertex white-pixel UV and alpha 255
};

struct DrawRun {
  unsigned first = 0;  // into the index buffer
  unsigned count = 0;  // indices, a multiple of 3
  Fill fill = Fill::kBlended;
};

// A run of opaque triangles smaller than this is drawn blended with its
// neighbours: switching pipelines costs more than it saves.
inline constexpr float kMinOpaqueRunArea = 4096.0f;

// Splits indices [first, first + count) of one command (vertices from
// `vtx_offset`) into runs, in order, so drawing them one after another gives
// what drawing the command at once would.
[[nodiscard]] std::vector<DrawRun> split_runs(std::span<const ImDrawVert> vertices,
                                              std::span<const ImDrawIdx> indices, unsigned first,
                                              unsigned count, unsigned vtx_offset, ImVec2 white_uv,
                                              float min_opaque_area = kMinOpaqueRunArea);

}  // namespace witryna::display
