#include "display/model/terms.hpp"
#include "display/views/views.hpp"

namespace witryna::display {

// Who is on screen: greeting (by name only with consent), tier, points.
void draw_customer_summary(DrawContext& ctx, const Customer& c, float width, bool for_staff) {
  const auto& p = ctx.pal();
  const auto& m = ctx.m();
  Card card(ctx, width, p.surface, m.pad * 1.2f, p.primary);
  const float iw = card.inner_width();
  if (for_staff) {
    text(ctx, ctx.fonts().small, p.muted, ctx.t(Text::kCustomer), iw);
    text(ctx, ctx.fonts().title, p.text,
         c.display_name ? *c.display_name : std::string(ctx.t(Text::kClubMember)), iw);
  } else {
    text(ctx, ctx.fonts().headline, p.text,
         c.display_name ? ctx.t(Text::kGreetingName, {*c.display_name})
                        : std::string(ctx.t(Text::kGreeting)),
         iw);
  }
  gap(m.gap * 0.2f);

  Flow flow(ctx, iw);
  if (!c.tier.empty()) {
    const std::string tier =
        ctx.t(Text::kTierBadge, {localize_term(TermKind::kTier, c.tier, ctx.lang())});
    flow.next(pill_size(ctx, tier));
    pill(ctx, tier, p.accent, p.on_accent);
  }
  const std::string points = ctx.t(Text::kPoints, {format_integer(c.points, ctx.lang())});
  flow.next(pill_size(ctx, points));
  pill(ctx, points, mix(p.surface, p.primary, 0.12f), p.text);
  if (c.points_pending > 0) {
    // Marked: not confirmed by central yet.
    const std::string pending =
        ctx.t(Text::kPointsPending, {format_integer(c.points_pending, ctx.lang())});
    flow.next(pill_size(ctx, pending));
    pill(ctx, pending, mix(p.surface, p.warning, 0.15f), p.warning);
  }
  flow.end();
  if (c.points_pending > 0) text(ctx, ctx.fonts().small, p.muted, ctx.t(Text::kPendingNote), iw);
  if (!c.personalized && !for_staff) {
    gap(m.gap * 0.3f);
    text(ctx, ctx.fonts().body, p.muted, ctx.t(Text::kGenericNotice), iw);
  }
}

// "Saved ✓" / "That didn't work" for a few seconds.
void draw_notice(DrawContext& ctx, float width) {
  auto& notice = ctx.ui.notice;
  if (!notice) return;
  if (ctx.clock.now >= notice->until) {
    notice.reset();
    return;
  }
  ctx.redraw_by(notice->until);
  const auto& p = ctx.pal();
  {
    Card card(ctx, width, notice->error ? p.danger : p.success, ctx.m().pad * 0.6f);
    text_centered(ctx, ctx.fonts().title, p.on_status, ctx.t(notice->text), card.inner_width());
  }
  gap(ctx.m().gap * 0.3f);
}

}  // namespace witryna::display
