#include "display/views/views.hpp"

namespace witryna::display {

// Online/offline, last sync, outbox and version: the same on every screen.
void draw_status_strip(DrawContext& ctx, const Rect& r) {
  const auto& p = ctx.pal();
  const auto& m = ctx.m();
  const Status& s = ctx.view.status;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(r.min, r.max, p.surface_alt);
  dl->AddLine(r.min, ImVec2(r.max.x, r.min.y), p.border, 1.0f * m.scale);

  const ImFont* font = ctx.fonts().small;
  const float y = r.min.y + (r.height() - font->FontSize) * 0.5f;
  float x = r.min.x + m.gap * 1.2f;
  const bool online = ctx.connected && s.online;
  const float dot = font->FontSize * 0.3f;
  dl->AddCircleFilled(ImVec2(x + dot, r.min.y + r.height() * 0.5f), dot,
                      online ? p.success : p.danger, 20);
  x += dot * 2 + m.gap * 0.5f;

  std::string left(ctx.t(online ? Text::kStatusOnline : Text::kStatusOffline));
  left += "  ·  ";
  left += s.last_sync ? ctx.t(Text::kLastSync, {format_ago(*s.last_sync, ctx.clock, ctx.lang())})
                      : std::string(ctx.t(Text::kNeverSynced));
  left += "  ·  ";
  left += ctx.t(Text::kOutbox, {format_integer(s.outbox, ctx.lang())});
  text_at(ctx, font, p.muted, ImVec2(x, y), left);

  std::string right;
  if (!s.version.empty()) right = ctx.t(Text::kVersion, {s.version});
  if (!ctx.view.screen.empty()) right += (right.empty() ? "" : "  ·  ") + ctx.view.screen;
  const ImVec2 rs = text_size(font, right);
  text_at(ctx, font, p.muted, ImVec2(r.max.x - m.gap * 1.2f - rs.x, y), right);

  // "5 min ago" moves with the clock.
  ctx.redraw_by(ctx.clock.now + Millis(30'000));
}

}  // namespace witryna::display
