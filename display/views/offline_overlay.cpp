#include "display/views/views.hpp"

namespace witryna::display {

// The edge is unreachable: a calm card over a dimmed screen while the client
// reconnects. It is its own window, so taps do not reach what is under it.
void draw_offline_overlay(DrawContext& ctx, const Rect& r) {
  const auto& p = ctx.pal();
  const auto& m = ctx.m();
  ImGui::SetNextWindowPos(r.min);
  ImGui::SetNextWindowSize(ImVec2(r.width(), r.height()));
  ImGui::SetNextWindowFocus();
  ImGui::PushStyleColor(ImGuiCol_WindowBg, with_alpha(mix(p.background, p.text, 0.1f), 0.9f));
  ImGui::Begin("##offline", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoNav);
  ImGui::PopStyleColor();

  const float w = std::min(r.width() * 0.8f, 760.0f * m.scale);
  const ImVec2 card_pos(r.min.x + (r.width() - w) * 0.5f, r.min.y + r.height() * 0.32f);
  ImGui::SetCursorScreenPos(card_pos);
  {
    Card card(ctx, w, p.surface, m.pad * 1.6f);
    const float iw = card.inner_width();
    // Three quiet dots instead of a spinner: nothing moves, nothing burns CPU.
    const ImVec2 c = ImGui::GetCursorScreenPos();
    const float dot = 9.0f * m.scale;
    for (int i = 0; i < 3; ++i) {
      ImGui::GetWindowDrawList()->AddCircleFilled(
          ImVec2(c.x + iw * 0.5f + static_cast<float>(i - 1) * dot * 3.2f, c.y + dot), dot,
          mix(p.primary, p.surface, static_cast<float>(i) * 0.3f), 24);
    }
    gap(dot * 2 + m.gap);
    text_centered(ctx, ctx.fonts().headline, p.text, ctx.t(Text::kOneMoment), iw);
    gap(m.gap * 0.4f);
    text_centered(ctx, ctx.fonts().body, p.muted, ctx.t(Text::kReconnecting), iw);
  }
  ImGui::End();
}

}  // namespace witryna::display
