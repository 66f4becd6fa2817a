#include "display/model/friendly.hpp"
#include "display/views/rounded_fill.hpp"
#include "display/views/views.hpp"

namespace witryna::display {

// What a typed code is worth: the benefit in large type with Confirm /
// Cancel, or why it cannot be used.
void draw_code_outcome(DrawContext& ctx, const Rect& r) {
  if (!ctx.view.code) {
    draw_checkout_ready(ctx, r);
    return;
  }
  const CodeOutcome& code = *ctx.view.code;
  const auto& p = ctx.pal();
  const auto& m = ctx.m();
  fill_rounded(ImGui::GetWindowDrawList(), r.min, r.max, p.surface, m.radius);
  const float pad = m.pad * 1.5f;
  const Rect inner{ImVec2(r.min.x + pad, r.min.y + pad), ImVec2(r.max.x - pad, r.max.y - pad)};
  begin_region("code", inner, false);
  const float w = inner.width();
  const float bottom_h = m.touch;
  const std::string benefit =
      code.benefit ? format_benefit(*code.benefit, ctx.lang(), ctx.currency) : std::string();

  if (code.status == "ok") {
    if (code.redeemed) {
      pill(ctx, ctx.t(Text::kRedeemed), p.success, p.on_status, ctx.fonts().title);
    } else {
      pill(ctx, ctx.t(Text::kCodeValid), p.success, p.on_status, ctx.fonts().title);
    }
    gap(m.gap);
    text(ctx, ctx.fonts().title, p.muted, ctx.t(Text::kCustomerBenefit), w);
    if (!benefit.empty()) text(ctx, ctx.fonts().huge, p.accent, benefit, w);
    if (ctx.view.customer) {
      const auto& c = *ctx.view.customer;
      text(ctx, ctx.fonts().title, p.text,
           c.display_name ? *c.display_name : std::string(ctx.t(Text::kClubMember)), w);
    }
  } else {
    const FriendlyMessage f = friendly_outcome(code.status, OutcomeSource::kCode, ctx.lang());
    const ImU32 colour = f.severity == Severity::kWarning ? p.warning : p.danger;
    const float radius = 44.0f * m.scale;
    const ImVec2 c = ImGui::GetCursorScreenPos();
    status_icon(ctx, ImVec2(c.x + radius, c.y + radius), radius, colour, "!");
    gap(radius * 2 + m.gap);
    text(ctx, ctx.fonts().headline, p.text, f.title, w);
    gap(m.gap * 0.3f);
    text(ctx, ctx.fonts().title, p.muted, f.hint, w);
  }
  end_region();

  const float by = inner.max.y - bottom_h;
  if (code.status == "ok" && !code.redeemed && code.ticket) {
    const float cancel_w = (w - m.gap) * 0.36f;
    ImGui::SetCursorScreenPos(ImVec2(inner.min.x, by));
    if (button(ctx, "cancel", ctx.t(Text::kCancel), ButtonKind::kOutline,
               ImVec2(cancel_w, bottom_h))) {
      ctx.intents.cancel_redeem(*code.ticket);
    }
    ImGui::SetCursorScreenPos(ImVec2(inner.min.x + cancel_w + m.gap, by));
    if (button(ctx, "confirm", ctx.t(Text::kConfirm), ButtonKind::kSuccess,
               ImVec2(w - cancel_w - m.gap, bottom_h))) {
      ctx.intents.confirm_redeem(*code.ticket);
    }
  } else {
    const float bw = std::min(w, 380.0f * m.scale);
    ImGui::SetCursorScreenPos(ImVec2(inner.max.x - bw, by));
    const bool close = code.status == "ok" ? button(ctx, "finish", ctx.t(Text::kFinish),
                                                    ButtonKind::kPrimary, ImVec2(bw, bottom_h))
                                           : button(ctx, "close", ctx.t(Text::kClose),
                                                    ButtonKind::kPrimary, ImVec2(bw, bottom_h));
    if (close) {
      if (code.ticket && !code.redeemed) {
        ctx.intents.cancel_redeem(*code.ticket);
      } else {
        ctx.intents.end_session();
      }
    }
  }
}

// Checkout with nobody on screen.
void draw_checkout_ready(DrawContext& ctx, const Rect& r) {
  const auto& p = ctx.pal();
  const auto& m = ctx.m();
  fill_rounded(ImGui::GetWindowDrawList(), r.min, r.max, p.surface, m.radius);
  const float pad = m.pad * 1.5f;
  const float w = r.width() - pad * 2;
  ImGui::SetCursorScreenPos(ImVec2(r.min.x + pad, r.min.y + r.height() * 0.34f));
  ImGui::BeginGroup();
  text_centered(ctx, ctx.fonts().headline, p.text, ctx.t(Text::kReadyTitle), w);
  gap(m.gap * 0.5f);
  text_centered(ctx, ctx.fonts().title, p.muted, ctx.t(Text::kReadyHint), w);
  ImGui::EndGroup();
}

}  // namespace witryna::display
