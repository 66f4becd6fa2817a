#include "display/model/terms.hpp"
#include "display/views/views.hpp"

namespace witryna::display {

// The advisor view after a service QR: who, and their contact history — only
// when the edge sent it (the customer's history_for_staff consent).
void draw_service(DrawContext& ctx, const Rect& r) {
  const auto& p = ctx.pal();
  const auto& m = ctx.m();
  const float bar_h = m.touch + m.gap;
  begin_region("service", Rect{r.min, ImVec2(r.max.x, r.max.y - bar_h)}, true);
  const float w = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ScrollbarSize * 0.5f;
  text(ctx, ctx.fonts().title, p.muted, ctx.t(Text::kServiceTitle));
  if (ctx.view.customer) draw_customer_summary(ctx, *ctx.view.customer, w, true);
  gap(m.gap * 0.5f);
  {
    Card card(ctx, w, p.surface);
    const float iw = card.inner_width();
    text(ctx, ctx.fonts().title, p.text, ctx.t(Text::kHistoryTitle), iw);
    gap(m.gap * 0.3f);
    if (!ctx.view.history) {
      text(ctx, ctx.fonts().body, p.muted, ctx.t(Text::kNoHistoryShared), iw);
    } else if (ctx.view.history->empty()) {
      text(ctx, ctx.fonts().body, p.muted, ctx.t(Text::kHistoryEmpty), iw);
    } else {
      bool first = true;
      for (const auto& h : *ctx.view.history) {
        if (!first) {
          const ImVec2 c = ImGui::GetCursorScreenPos();
          ImGui::GetWindowDrawList()->AddLine(c, ImVec2(c.x + iw, c.y), p.border, 1.0f * m.scale);
          gap(m.gap * 0.3f);
        }
        first = false;
        Flow flow(ctx, iw);
        if (h.at) {
          const std::string when = format_date_time(*h.at, ctx.clock, ctx.lang());
          flow.next(text_size(ctx.fonts().bold, when));
          text(ctx, ctx.fonts().bold, p.muted, when);
        }
        if (!h.channel.empty()) {
          const std::string channel = localize_term(TermKind::kChannel, h.channel, ctx.lang());
          flow.next(pill_size(ctx, channel, ctx.fonts().small));
          pill(ctx, channel, mix(p.surface, p.primary, 0.12f), p.primary, ctx.fonts().small);
        }
        flow.end();
        text(ctx, ctx.fonts().body, p.text, h.note, iw);
        gap(m.gap * 0.2f);
      }
    }
  }
  end_region();
  const float bw = std::min(r.width(), 420.0f * m.scale);
  ImGui::SetCursorScreenPos(ImVec2(r.max.x - bw, r.max.y - m.touch));
  if (button(ctx, "finish", ctx.t(Text::kFinish), ButtonKind::kPrimary, ImVec2(bw, m.touch))) {
    ctx.intents.end_session();
  }
}

}  // namespace witryna::display
