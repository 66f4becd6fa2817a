#pragma once
// Draws ImGui's draw data with OpenGL 3, in place of the stock backend's
// RenderDrawData (which still creates and owns the font texture; it is
// re-specified here in BGRA order, the only one llvmpipe's linear rasterizer
// samples; glyph edges may then differ by a level or two): the same textured,
// blended pipeline for text and edges, and a second one without texture or
// blending for large opaque solid shapes (display/app/draw_runs.hpp). Same
// pixels; with software GL, fewer cycles per pixel. Render thread only, with
// the window's GL context current from construction to destruction.

#include <imgui.h>

#include <cstdint>
#include <memory>

#include "edge/core/result.hpp"

namespace witryna::display {

class GlDraw {
 public:
  [[nodiscard]] static Result<std::unique_ptr<GlDraw>> create();
  ~GlDraw();
  GlDraw(const GlDraw&) = delete;
  GlDraw& operator=(const GlDraw&) = delete;

  void draw(const ImDrawData& data, int fb_width, int fb_height);

  // Draw calls of the last frame, by pipeline (diagnostics and tests).
  struct Counts {
    int blended = 0;
    int opaque = 0;
  };
  [[nodiscard]] Counts last_counts() const { return counts_; }

  struct Key {};
  explicit GlDraw(Key) {}

 private:
  unsigned blended_ = 0;  // programs
  unsigned opaque_ = 0;
  int blended_projection_ = -1;
  int blended_texture_ = -1;
  int opaque_projection_ = -1;
  unsigned vao_ = 0;
  unsigned vbo_ = 0;
  unsigned ibo_ = 0;
  // The font texture already re-uploaded as BGRA (a texture the backend
  // recreates under the same name would stay RGBA: slower, same text).
  std::intptr_t bgra_atlas_ = 0;
  Counts counts_;
};

}  // namespace witryna::display
