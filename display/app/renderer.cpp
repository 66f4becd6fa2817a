#include "display/app/renderer.hpp"

#include <GL/gl.h>
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include "display/app/frame_capture.hpp"
#include "display/app/gl_draw.hpp"
#include "display/views/views.hpp"

namespace witryna::display {

Result<std::unique_ptr<Renderer>> Renderer::open(const Options& o) {
  auto r = std::make_unique<Renderer>(o);
  WindowOptions wo;
  wo.width = o.width;
  wo.height = o.height;
  wo.windowed = o.windowed || o.render_once.has_value();
  wo.hide_cursor = !wo.windowed && o.role == Role::kKiosk;
  wo.title = "witryna " + o.screen;
  auto window = Window::open(wo);
  if (!window) return Unexpected(window.error());
  r->window_ = std::move(*window);
  auto gl = GlDraw::create();
  if (!gl) return Unexpected(gl.error());
  r->gl_ = std::move(*gl);

  int fw = 0;
  int fh = 0;
  r->window_->framebuffer_size(fw, fh);
  r->theme_.metrics = make_metrics(ImVec2(static_cast<float>(fw), static_cast<float>(fh)));
  r->theme_.palette = make_palette(o.display.colours);
  FontOptions fo;
  fo.dir = o.font_dir;
  fo.scale = r->theme_.metrics.scale;
  fo.latin_extended = !o.no_latin_ext;
  auto fonts = load_fonts(*ImGui::GetIO().Fonts, fo);
  if (!fonts) return Unexpected(fonts.error());
  r->theme_.fonts = *fonts;
  ImGui::GetIO().FontDefault = fonts->body;
  apply_style(r->theme_);
  return r;
}

TimePoint Renderer::draw(const ViewModel& view, UiState& ui, Intents& intents,
                         const FrameInputs& in) {
  return frame(view, ui, intents, in, true);
}

void Renderer::lay_out(const ViewModel& view, UiState& ui, Intents& intents,
                       const FrameInputs& in) {
  (void)frame(view, ui, intents, in, false);
}

TimePoint Renderer::frame(const ViewModel& view, UiState& ui, Intents& intents,
                          const FrameInputs& in, bool paint) {
  int fw = 0;
  int fh = 0;
  window_->framebuffer_size(fw, fh);
  theme_.metrics.size = ImVec2(static_cast<float>(fw), static_cast<float>(fh));
  theme_.metrics.portrait = fh > fw;

  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  DrawContext ctx{view, ui, intents, theme_};
  ctx.role = options_.role;
  ctx.till = options_.till ? std::string_view(*options_.till) : std::string_view();
  ctx.clock = in.clock;
  ctx.brand = options_.display.brand;
  ctx.currency = options_.display.currency;
  ctx.default_language = effective_language(options_);
  ctx.connected = in.connected;
  ctx.attract_per_slide = Millis(options_.attract_seconds * 1000);
  ctx.audit = &audit_;
  ctx.next_redraw = in.clock.now + Millis(60'000);
  draw_screen(ctx);
  ImGui::Render();
  if (!paint) return ctx.next_redraw;

  glDisable(GL_SCISSOR_TEST);
  glViewport(0, 0, fw, fh);
  const ImVec4 bg = ImGui::ColorConvertU32ToFloat4(theme_.palette.background);
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  // Not ImGui_ImplOpenGL3_RenderDrawData: app/gl_draw.hpp says why.
  gl_->draw(*ImGui::GetDrawData(), fw, fh);
  return ctx.next_redraw;
}

Image Renderer::capture() const {
  int fw = 0;
  int fh = 0;
  window_->framebuffer_size(fw, fh);
  return capture_frame(fw, fh);
}

void Renderer::present() {
  glfwSwapBuffers(window_->handle());
}

void Renderer::finish() {
  glFinish();
}

}  // namespace witryna::display
