#include "display/model/friendly.hpp"
#include "display/views/views.hpp"

namespace witryna::display {
namespace {

struct Look {
  ImU32 colour;
  const char* symbol;
};

Look look_for(const Palette& p, Severity s) {
  switch (s) {
    case Severity::kSuccess:
      return {p.success, "✓"};
    case Severity::kInfo:
      return {p.primary, "i"};
    case Severity::kWarning:
      return {p.warning, "!"};
    case Severity::kError:
      return {p.danger, "!"};
  }
  return {p.primary, "i"};
}

}  // namespace

// An outcome in words a shopper understands ("We don't recognise this card"),
// never the contract's outcome name.
void draw_message(DrawContext& ctx, const Rect& r) {
  const auto& p = ctx.pal();
  const auto& m = ctx.m();
  const Message msg = ctx.view.message.value_or(Message{});
  const FriendlyMessage f =
      friendly_outcome(msg.outcome, OutcomeSource::kScan, ctx.lang(), msg.text);
  const Look look = look_for(p, f.severity);

  const bool with_offers = !ctx.view.offers.empty() && ctx.role == Role::kKiosk;
  // Landscape with offers: the explanation on the left, the offers beside it.
  const bool side_by_side = with_offers && !m.portrait;
  const Rect card_area =
      side_by_side ? Rect{r.min, ImVec2(r.min.x + (r.width() - m.gap) * 0.5f, r.max.y)} : r;
  begin_region("message", card_area, true);
  const float w = ImGui::GetContentRegionAvail().x;
  const float card_w = std::min(w, 900.0f * m.scale);
  const bool compact = ctx.role == Role::kCheckout;
  gap(compact || side_by_side ? m.gap * 0.5f : r.height() * (with_offers ? 0.04f : 0.16f));
  ImGui::SetCursorPosX((w - card_w) * 0.5f);
  {
    Card card(ctx, card_w, p.surface, m.pad * 1.6f);
    const float iw = card.inner_width();
    const float radius = 52.0f * m.scale;
    const ImVec2 c = ImGui::GetCursorScreenPos();
    status_icon(ctx, ImVec2(c.x + iw * 0.5f, c.y + radius), radius, look.colour, look.symbol);
    gap(radius * 2 + m.gap);
    text_centered(ctx, ctx.fonts().headline, p.text, f.title, iw);
    gap(m.gap * 0.4f);
    text_centered(ctx, ctx.fonts().title, p.muted, f.hint, iw);
    gap(m.gap);
    const float bw = std::min(iw, 420.0f * m.scale);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (iw - bw) * 0.5f);
    if (button(ctx, "ok", ctx.t(Text::kOk), ButtonKind::kPrimary, ImVec2(bw, m.touch))) {
      ctx.intents.end_session();
    }
  }
  if (side_by_side) {
    end_region();
    begin_region("message-offers", Rect{ImVec2(card_area.max.x + m.gap, r.min.y), r.max}, true);
  }
  // unknown_card: the generic offers follow the explanation.
  if (with_offers) {
    const float ow = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ScrollbarSize * 0.5f;
    if (!side_by_side) gap(m.gap);
    text(ctx, ctx.fonts().title, p.text, ctx.t(Text::kOffersToday));
    gap(m.gap * 0.2f);
    for (const auto& offer : ctx.view.offers) {
      draw_offer_card(ctx, offer, ow, false);
      gap(m.gap * 0.4f);
    }
  }
  end_region();
}

}  // namespace witryna::display
