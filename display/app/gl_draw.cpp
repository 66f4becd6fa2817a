#include "display/app/gl_draw.hpp"

#include <GL/gl.h>
#include <GL/glext.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "display/app/draw_runs.hpp"

namespace witryna::display {
namespace {

// The stock backend's GLSL 1.30 shaders, but with the colour declared before
// the UV: with Frag_UV first, Mesa 22.3's linear rasterizer drops textured
// rectangles (glyphs) from the second draw of the shader on (docs/benchmarks.md,
// "Why the BGRA atlas lost text"). The opaque fragment shader drops the sampler.
constexpr const char* kVertex = R"(#version 130
uniform mat4 ProjMtx;
in vec2 Position;
in vec2 UV;
in vec4 Color;
out vec4 Frag_Color;
out vec2 Frag_UV;
void main() {
  Frag_UV = UV;
  Frag_Color = Color;
  gl_Position = ProjMtx * vec4(Position.xy, 0, 1);
}
)";
constexpr const char* kBlendedFragment = R"(#version 130
uniform sampler2D Texture;
in vec4 Frag_Color;
in vec2 Frag_UV;
out vec4 Out_Color;
void main() {
  Out_Color = Frag_Color * texture(Texture, Frag_UV.st);
}
)";
constexpr const char* kOpaqueFragment = R"(#version 130
in vec4 Frag_Color;
in vec2 Frag_UV;
out vec4 Out_Color;
void main() {
  Out_Color = Frag_Color;
}
)";

// Attribute slots, bound before linking so one vertex array serves both programs.
constexpr GLuint kPosition = 0;
constexpr GLuint kUv = 1;
constexpr GLuint kColour = 2;

Result<GLuint> compile(GLenum kind, const char* source) {
  const GLuint shader = glCreateShader(kind);
  glShaderSource(shader, 1, &source, nullptr);
  glCompileShader(shader);
  GLint ok = GL_FALSE;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
  if (ok == GL_TRUE) return shader;
  char log[512] = {};
  glGetShaderInfoLog(shader, sizeof log, nullptr, log);
  glDeleteShader(shader);
  return fail(std::string(errc::kIo), std::string("cannot compile a shader: ") + log);
}

Result<GLuint> link(const char* fragment_source) {
  auto vertex = compile(GL_VERTEX_SHADER, kVertex);
  if (!vertex) return Unexpected(vertex.error());
  auto fragment = compile(GL_FRAGMENT_SHADER, fragment_source);
  if (!fragment) {
    glDeleteShader(*vertex);
    return Unexpected(fragment.error());
  }
  const GLuint program = glCreateProgram();
  glAttachShader(program, *vertex);
  glAttachShader(program, *fragment);
  glBindAttribLocation(program, kPosition, "Position");
  glBindAttribLocation(program, kUv, "UV");
  glBindAttribLocation(program, kColour, "Color");
  glBindFragDataLocation(program, 0, "Out_Color");
  glLinkProgram(program);
  glDetachShader(program, *vertex);
  glDetachShader(program, *fragment);
  glDeleteShader(*vertex);
  glDeleteShader(*fragment);
  GLint ok = GL_FALSE;
  glGetProgramiv(program, GL_LINK_STATUS, &ok);
  if (ok == GL_TRUE) return program;
  char log[512] = {};
  glGetProgramInfoLog(program, sizeof log, nullptr, log);
  glDeleteProgram(program);
  return fail(std::string(errc::kIo), std::string("cannot link a shader program: ") + log);
}

// Re-specifies the bound font atlas (RGBA bytes, as the stock backend
// uploaded them) in BGRA order: llvmpipe's linear rasterizer samples only
// B8G8R8A8 textures, so with an RGBA atlas every glyph falls back to the
// ordinary per-pixel shader.
void upload_atlas_as_bgra(ImFontAtlas& atlas) {
  unsigned char* rgba = nullptr;
  int width = 0;
  int height = 0;
  atlas.GetTexDataAsRGBA32(&rgba, &width, &height);
  if (rgba == nullptr || width <= 0 || height <= 0) return;
  std::vector<unsigned char> bgra(
      rgba, rgba + static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
  for (std::size_t i = 0; i < bgra.size(); i += 4)
    std::swap(bgra[i], bgra[i + 2]);
  glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_BGRA, GL_UNSIGNED_BYTE, bgra.data());
}

const void* byte_offset(std::size_t n) {
  return reinterpret_cast<const void*>(n);  // GL's buffer offsets are passed as pointers
}

}  // namespace

Result<std::unique_ptr<GlDraw>> GlDraw::create() {
  auto d = std::make_unique<GlDraw>(Key{});
  auto blended = link(kBlendedFragment);
  if (!blended) return Unexpected(blended.error());
  d->blended_ = *blended;
  auto opaque = link(kOpaqueFragment);
  if (!opaque) return Unexpected(opaque.error());
  d->opaque_ = *opaque;
  d->blended_projection_ = glGetUniformLocation(d->blended_, "ProjMtx");
  d->blended_texture_ = glGetUniformLocation(d->blended_, "Texture");
  d->opaque_projection_ = glGetUniformLocation(d->opaque_, "ProjMtx");

  glGenVertexArrays(1, &d->vao_);
  glGenBuffers(1, &d->vbo_);
  glGenBuffers(1, &d->ibo_);
  glBindVertexArray(d->vao_);
  glBindBuffer(GL_ARRAY_BUFFER, d->vbo_);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, d->ibo_);
  glEnableVertexAttribArray(kPosition);
  glEnableVertexAttribArray(kUv);
  glEnableVertexAttribArray(kColour);
  glVertexAttribPointer(kPosition, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert),
                        byte_offset(offsetof(ImDrawVert, pos)));
  glVertexAttribPointer(kUv, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert),
                        byte_offset(offsetof(ImDrawVert, uv)));
  glVertexAttribPointer(kColour, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ImDrawVert),
                        byte_offset(offsetof(ImDrawVert, col)));
  glBindVertexArray(0);
  return d;
}

GlDraw::~GlDraw() {
  if (ibo_ != 0) glDeleteBuffers(1, &ibo_);
  if (vbo_ != 0) glDeleteBuffers(1, &vbo_);
  if (vao_ != 0) glDeleteVertexArrays(1, &vao_);
  if (opaque_ != 0) glDeleteProgram(opaque_);
  if (blended_ != 0) glDeleteProgram(blended_);
}

void GlDraw::draw(const ImDrawData& data, int fb_width, int fb_height) {
  counts_ = {};
  if (fb_width <= 0 || fb_height <= 0) return;
  ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  const ImVec2 white = atlas.TexUvWhitePixel;
  // The stock backend (re)creates the atlas texture in its NewFrame.
  if (const auto id = reinterpret_cast<std::intptr_t>(atlas.TexID); id != 0 && id != bgra_atlas_) {
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(id));
    upload_atlas_as_bgra(atlas);
    bgra_atlas_ = id;
  }

  glViewport(0, 0, fb_width, fb_height);
  glDisable(GL_CULL_FACE);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_STENCIL_TEST);
  glEnable(GL_SCISSOR_TEST);
  glBlendEquation(GL_FUNC_ADD);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glActiveTexture(GL_TEXTURE0);

  // The stock backend's orthographic projection of the display rectangle.
  const float l = data.DisplayPos.x;
  const float r = data.DisplayPos.x + data.DisplaySize.x;
  const float t = data.DisplayPos.y;
  const float b = data.DisplayPos.y + data.DisplaySize.y;
  const float projection[4][4] = {
      {2.0f / (r - l), 0.0f, 0.0f, 0.0f},
      {0.0f, 2.0f / (t - b), 0.0f, 0.0f},
      {0.0f, 0.0f, -1.0f, 0.0f},
      {(r + l) / (l - r), (t + b) / (b - t), 0.0f, 1.0f},
  };
  glUseProgram(opaque_);
  glUniformMatrix4fv(opaque_projection_, 1, GL_FALSE, &projection[0][0]);
  glUseProgram(blended_);
  glUniformMatrix4fv(blended_projection_, 1, GL_FALSE, &projection[0][0]);
  glUniform1i(blended_texture_, 0);
  glEnable(GL_BLEND);
  Fill bound = Fill::kBlended;

  glBindVertexArray(vao_);
  glBindBuffer(GL_ARRAY_BUFFER, vbo_);
  const ImVec2 clip_off = data.DisplayPos;
  const ImVec2 clip_scale = data.FramebufferScale;
  const GLenum index_type = sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT;
  for (int n = 0; n < data.CmdListsCount; ++n) {
    const ImDrawList& list = *data.CmdLists[n];
    // Orphaned each time: the driver need not wait for the last frame's draws.
    glBufferData(
        GL_ARRAY_BUFFER,
        static_cast<GLsizeiptr>(list.VtxBuffer.Size) * static_cast<GLsizeiptr>(sizeof(ImDrawVert)),
        list.VtxBuffer.Data, GL_STREAM_DRAW);
    glBufferData(
        GL_ELEMENT_ARRAY_BUFFER,
        static_cast<GLsizeiptr>(list.IdxBuffer.Size) * static_cast<GLsizeiptr>(sizeof(ImDrawIdx)),
        list.IdxBuffer.Data, GL_STREAM_DRAW);
    const std::span<const ImDrawVert> vertices(list.VtxBuffer.Data,
                                               static_cast<std::size_t>(list.VtxBuffer.Size));
    const std::span<const ImDrawIdx> indices(list.IdxBuffer.Data,
                                             static_cast<std::size_t>(list.IdxBuffer.Size));
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
      if (cmd.UserCallback != nullptr) continue;  // the views register none
      // The clip rectangle in framebuffer pixels, each edge rounded down on its
      // own (the stock backend truncates the width instead): two clip
      // rectangles that share an edge then share it in pixels too, as the
      // bands of a card's shadow do (views/widgets.cpp).
      const int x0 = static_cast<int>(std::floor((cmd.ClipRect.x - clip_off.x) * clip_scale.x));
      const int y0 = static_cast<int>(std::floor((cmd.ClipRect.y - clip_off.y) * clip_scale.y));
      const int x1 = static_cast<int>(std::floor((cmd.ClipRect.z - clip_off.x) * clip_scale.x));
      const int y1 = static_cast<int>(std::floor((cmd.ClipRect.w - clip_off.y) * clip_scale.y));
      if (x1 <= x0 || y1 <= y0) continue;
      glScissor(x0, fb_height - y1, x1 - x0, y1 - y0);
      glBindTexture(GL_TEXTURE_2D,
                    static_cast<GLuint>(reinterpret_cast<std::intptr_t>(cmd.GetTexID())));
      for (const DrawRun& run :
           split_runs(vertices, indices, cmd.IdxOffset, cmd.ElemCount, cmd.VtxOffset, white)) {
        if (run.fill != bound) {
          if (run.fill == Fill::kOpaque) {
            glUseProgram(opaque_);
            glDisable(GL_BLEND);
          } else {
            glUseProgram(blended_);
            glEnable(GL_BLEND);
          }
          bound = run.fill;
        }
        glDrawElementsBaseVertex(GL_TRIANGLES, static_cast<GLsizei>(run.count), index_type,
                                 byte_offset(run.first * sizeof(ImDrawIdx)),
                                 static_cast<GLint>(cmd.VtxOffset));
        ++(run.fill == Fill::kOpaque ? counts_.opaque : counts_.blended);
      }
    }
  }
  glBindVertexArray(0);
  glUseProgram(0);
  glDisable(GL_SCISSOR_TEST);
}

}  // namespace witryna::display
