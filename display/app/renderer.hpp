#pragma once
// One window, its theme and fonts, and drawing a frame of the screen.
// Render thread only.

#include <memory>

#include "display/app/gl_draw.hpp"
#include "display/app/options.hpp"
#include "display/app/window.hpp"
#include "display/image/image.hpp"
#include "display/model/format.hpp"
#include "display/model/intents.hpp"
#include "display/model/ui_state.hpp"
#include "display/model/view_model.hpp"
#include "display/views/fonts.hpp"
#include "display/views/theme.hpp"

namespace witryna::display {

struct FrameInputs {
  LocalClock clock;
  bool connected = true;
};

class Renderer {
 public:
  [[nodiscard]] static Result<std::unique_ptr<Renderer>> open(const Options& options);

  // Draws one frame into the back buffer; returns when the screen must be
  // drawn again even if nothing happens (a slide change, a moving clock).
  TimePoint draw(const ViewModel& view, UiState& ui, Intents& intents, const FrameInputs& in);
  // One ImGui frame of the screen without drawing it: ImGui sizes scroll bars
  // and auto-fitted parts from the frame before, so running this once when a
  // new view arrives makes its first drawn frame already the settled one.
  void lay_out(const ViewModel& view, UiState& ui, Intents& intents, const FrameInputs& in);
  // The frame just drawn (call before present()).
  [[nodiscard]] Image capture() const;
  void present();
  // Waits until the GPU has finished everything presented (latency measurement only).
  void finish();

  [[nodiscard]] Window& window() { return *window_; }
  [[nodiscard]] const GlyphAudit& audit() const { return audit_; }

  explicit Renderer(const Options& options) : options_(options) {}

 private:
  TimePoint frame(const ViewModel& view, UiState& ui, Intents& intents, const FrameInputs& in,
                  bool paint);

  const Options& options_;
  std::unique_ptr<Window> window_;
  std::unique_ptr<GlDraw> gl_;  // after window_: goes before the GL context does
  Theme theme_;
  GlyphAudit audit_;
};

}  // namespace witryna::display
