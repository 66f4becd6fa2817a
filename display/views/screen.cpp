#include "display/views/views.hpp"

namespace witryna::display {

void begin_region(const char* id, const Rect& r, bool scroll) {
  ImGui::SetCursorScreenPos(r.min);
  ImGuiWindowFlags flags = ImGuiWindowFlags_NoSavedSettings;
  if (!scroll) flags |= ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;
  ImGui::BeginChild(id, ImVec2(r.width(), r.height()), false, flags);
  if (scroll) drag_to_scroll();
}

void end_region() {
  ImGui::EndChild();
}

namespace {

// A keyboard-wedge scanner at a kiosk types a card or token and presses
// Enter; it goes to the edge as `scan`.
void read_kiosk_scanner(DrawContext& ctx) {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput || !ctx.connected) return;
  for (const ImWchar c : io.InputQueueCharacters) {
    if (c >= 0x20 && c < 0x7F && ctx.ui.kiosk_keys.size() < CodePad::kMaxRaw) {
      ctx.ui.kiosk_keys += static_cast<char>(c);
    }
  }
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) ||
      ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter))) {
    if (!ctx.ui.kiosk_keys.empty()) ctx.intents.scan(ctx.ui.kiosk_keys);
    ctx.ui.kiosk_keys.clear();
  }
}

void draw_kiosk_body(DrawContext& ctx, const Rect& body) {
  read_kiosk_scanner(ctx);
  switch (ctx.view.mode) {
    case Mode::kIdle:
      draw_idle(ctx, body);
      break;
    case Mode::kCustomer:
      if (ctx.ui.page == KioskPage::kPreferences) {
        draw_preferences(ctx, body);
      } else {
        draw_customer(ctx, body);
      }
      break;
    case Mode::kMessage:
      draw_message(ctx, body);
      break;
    case Mode::kCode:
      draw_code_outcome(ctx, body);
      break;
    case Mode::kPickups:
      draw_pickups(ctx, body);
      break;
    case Mode::kService:
      draw_service(ctx, body);
      break;
  }
}

void draw_checkout_panel(DrawContext& ctx, const Rect& r) {
  switch (ctx.view.mode) {
    case Mode::kIdle:
      draw_checkout_ready(ctx, r);
      break;
    case Mode::kCustomer:
      draw_checkout_customer(ctx, r);
      break;
    case Mode::kCode:
      draw_code_outcome(ctx, r);
      break;
    case Mode::kPickups:
      draw_pickups(ctx, r);
      break;
    case Mode::kService:
      draw_service(ctx, r);
      break;
    case Mode::kMessage:
      draw_message(ctx, r);
      break;
  }
}

void draw_checkout_body(DrawContext& ctx, const Rect& body) {
  const auto& m = ctx.m();
  const float g = m.gap;
  if (m.portrait) {
    const float pad_h = body.height() * 0.42f;
    draw_code_pad(ctx, Rect{body.min, ImVec2(body.max.x, body.min.y + pad_h)});
    draw_checkout_panel(ctx, Rect{ImVec2(body.min.x, body.min.y + pad_h + g), body.max});
  } else {
    const float pad_w = body.width() * 0.42f;
    draw_code_pad(ctx, Rect{body.min, ImVec2(body.min.x + pad_w, body.max.y)});
    draw_checkout_panel(ctx, Rect{ImVec2(body.min.x + pad_w + g, body.min.y), body.max});
  }
}

}  // namespace

void draw_screen(DrawContext& ctx) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->Pos);
  ImGui::SetNextWindowSize(vp->Size);
  // No background: the renderer clears to the same colour, and with software
  // GL a second full-screen fill is a third of a kiosk frame's cost.
  ImGui::Begin("##screen", nullptr,
               ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoDecoration |
                   ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse |
                   ImGuiWindowFlags_NoNav);
  const auto& m = ctx.m();
  const ImVec2 origin = vp->Pos;
  const ImVec2 size = vp->Size;
  const float header_h = (ctx.role == Role::kKiosk ? 92.0f : 64.0f) * m.scale;
  const Rect header{origin, ImVec2(origin.x + size.x, origin.y + header_h)};
  const Rect strip{ImVec2(origin.x, origin.y + size.y - m.strip),
                   ImVec2(origin.x + size.x, origin.y + size.y)};
  const float margin = m.gap * 1.2f;
  const Rect body{ImVec2(origin.x + margin, header.max.y + margin),
                  ImVec2(origin.x + size.x - margin, strip.min.y - margin)};

  draw_header(ctx, header);
  if (ctx.role == Role::kCheckout) {
    draw_checkout_body(ctx, body);
  } else {
    draw_kiosk_body(ctx, body);
  }
  draw_status_strip(ctx, strip);
  ImGui::End();

  if (!ctx.connected)
    draw_offline_overlay(ctx, Rect{origin, ImVec2(origin.x + size.x, strip.min.y)});
}

}  // namespace witryna::display
