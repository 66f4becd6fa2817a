#include <functional>

#include "display/views/views.hpp"

namespace witryna::display {
namespace {

void section_title(DrawContext& ctx, Text key) {
  gap(ctx.m().gap * 0.6f);
  text(ctx, ctx.fonts().title, ctx.pal().text, ctx.t(key));
  gap(ctx.m().gap * 0.2f);
}

void draw_offers_and_reservations(DrawContext& ctx, float w) {
  const ViewModel& v = ctx.view;
  const bool personal = v.customer && v.customer->personalized;
  section_title(ctx, personal ? Text::kOffersForYou : Text::kOffersToday);
  if (v.offers.empty()) text(ctx, ctx.fonts().body, ctx.pal().muted, ctx.t(Text::kNoOffers), w);
  for (const auto& offer : v.offers) {
    draw_offer_card(ctx, offer, w, v.customer.has_value());
    gap(ctx.m().gap * 0.4f);
  }
  if (!v.reservations.empty()) {
    section_title(ctx, Text::kYourReservations);
    for (const auto& res : v.reservations) {
      draw_reservation_card(ctx, res, w);
      gap(ctx.m().gap * 0.4f);
    }
  }
  gap(ctx.m().gap);
}

bool preferences_button(DrawContext& ctx, ImVec2 size) {
  return ctx.view.customer &&
         button(ctx, "prefs", ctx.t(Text::kMyPreferences), ButtonKind::kOutline, size);
}

bool done_button(DrawContext& ctx, ImVec2 size) {
  return button(ctx, "done", ctx.t(Text::kImDone), ButtonKind::kPrimary, size);
}

}  // namespace

// After a scan at a kiosk: greeting, offers with their reasons, reservations,
// and the way to "My preferences". Portrait: one column with the actions
// along the bottom; landscape: the customer and actions in a side column.
void draw_customer(DrawContext& ctx, const Rect& r) {
  const auto& m = ctx.m();
  const ViewModel& v = ctx.view;
  bool open_prefs = false;
  bool done = false;
  if (m.portrait) {
    const float bar_h = m.touch + m.gap;
    begin_region("customer", Rect{r.min, ImVec2(r.max.x, r.max.y - bar_h)}, true);
    const float w = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ScrollbarSize * 0.5f;
    draw_notice(ctx, w);
    if (v.customer) draw_customer_summary(ctx, *v.customer, w);
    draw_offers_and_reservations(ctx, w);
    end_region();
    // The action bar stays put while the offers scroll.
    const float bw = (r.width() - m.gap) * 0.5f;
    ImGui::SetCursorScreenPos(ImVec2(r.min.x, r.max.y - m.touch));
    open_prefs = preferences_button(ctx, ImVec2(bw, m.touch));
    ImGui::SetCursorScreenPos(ImVec2(r.min.x + bw + m.gap, r.max.y - m.touch));
    done = done_button(ctx, ImVec2(bw, m.touch));
  } else {
    const float side = r.width() * 0.36f;
    begin_region("customer-side", Rect{r.min, ImVec2(r.min.x + side, r.max.y)}, false);
    draw_notice(ctx, side);
    if (v.customer) draw_customer_summary(ctx, *v.customer, side);
    end_region();
    ImGui::SetCursorScreenPos(ImVec2(r.min.x, r.max.y - m.touch * 2 - m.gap));
    open_prefs = preferences_button(ctx, ImVec2(side, m.touch));
    ImGui::SetCursorScreenPos(ImVec2(r.min.x, r.max.y - m.touch));
    done = done_button(ctx, ImVec2(side, m.touch));

    begin_region("customer-offers", Rect{ImVec2(r.min.x + side + m.gap, r.min.y), r.max}, true);
    const float w = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ScrollbarSize * 0.5f;
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - m.gap * 0.6f);  // align with the side column
    draw_offers_and_reservations(ctx, w);
    end_region();
  }
  if (open_prefs) open_preferences(ctx.ui, v);
  if (done) ctx.intents.end_session();
}

}  // namespace witryna::display
