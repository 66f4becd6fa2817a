#include "display/views/views.hpp"

namespace witryna::display {
namespace {

struct StatusLook {
  Text label;
  ImU32 fill;
};

StatusLook status_look(const Palette& p, domain::ReservationStatus s) {
  using domain::ReservationStatus;
  switch (s) {
    case ReservationStatus::kReady:
      return {Text::kStatusReady, p.success};
    case ReservationStatus::kHeld:
      return {Text::kStatusHeld, p.primary};
    case ReservationStatus::kPickedUp:
      return {Text::kStatusPickedUp, p.muted};
    case ReservationStatus::kCancelled:
      return {Text::kStatusCancelled, p.muted};
    case ReservationStatus::kExpired:
      return {Text::kStatusExpired, p.danger};
  }
  return {Text::kStatusHeld, p.primary};
}

bool open(domain::ReservationStatus s) {
  return s == domain::ReservationStatus::kReady || s == domain::ReservationStatus::kHeld;
}

void draw_row(DrawContext& ctx, const ReservationCard& r, float width) {
  const auto& p = ctx.pal();
  const auto& m = ctx.m();
  const StatusLook look = status_look(p, r.status);
  Card card(ctx, width, p.surface, m.pad * 0.8f, look.fill);
  const float iw = card.inner_width();
  const ImVec2 top = ImGui::GetCursorScreenPos();
  const std::string_view hand_over = ctx.t(Text::kHandOver);
  const ImVec2 bs = button_size(ctx, hand_over);
  const float right_w = bs.x;
  const float left_w = iw - right_w - m.gap;

  ImGui::BeginGroup();
  std::string name = r.name.empty() ? r.sku : r.name;
  if (!r.size.empty()) name += ", " + r.size;
  text(ctx, ctx.fonts().title, p.text, name, left_w);
  if (r.customer_name) text(ctx, ctx.fonts().bold, p.text, *r.customer_name, left_w);
  std::string ref = ctx.t(Text::kReservationRef, {r.reservation});
  if (!r.fitting_room.empty()) ref += "  ·  " + ctx.t(Text::kFittingRoom, {r.fitting_room});
  text(ctx, ctx.fonts().small, p.muted, ref, left_w);
  {
    Flow flow(ctx, left_w);
    const auto label = ctx.t(look.label);
    flow.next(pill_size(ctx, label));
    pill(ctx, label, look.fill, p.on_status);
    if (r.hold_until && open(r.status)) {
      const std::string until = ctx.t(Text::kHoldUntil, {format_clock(*r.hold_until, ctx.clock)});
      flow.next(pill_size(ctx, until));
      pill(ctx, until, p.surface_alt, p.text);
      const auto left = minutes_until(*r.hold_until, ctx.clock.now);
      if (left > 0 && left <= 60) {
        const std::string soon = ctx.t(Text::kExpiresIn, {std::to_string(left)});
        flow.next(pill_size(ctx, soon));
        pill(ctx, soon, mix(p.surface, p.warning, 0.18f), p.warning);
      }
    }
    if (r.discount) {
      const std::string d = format_benefit(*r.discount, ctx.lang(), ctx.currency);
      flow.next(pill_size(ctx, d));
      pill(ctx, d, p.accent, p.on_accent);
    }
    flow.end();
  }
  ImGui::EndGroup();
  const float h = std::max(ImGui::GetItemRectSize().y, bs.y);
  if (open(r.status)) {
    ImGui::SetCursorScreenPos(ImVec2(top.x + iw - bs.x, top.y + (h - bs.y) * 0.5f));
    if (button(ctx, r.reservation.c_str(), hand_over, ButtonKind::kSuccess, bs)) {
      ctx.intents.confirm_pickup(r.reservation);
    }
  }
  ImGui::SetCursorScreenPos(top);
  ImGui::Dummy(ImVec2(iw, h));
}

}  // namespace

// Today's pickups at this till: status, how long each is held, hand-over.
void draw_pickups(DrawContext& ctx, const Rect& r) {
  const auto& p = ctx.pal();
  const auto& m = ctx.m();
  begin_region("pickups", r, true);
  const float w = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ScrollbarSize * 0.5f;
  const auto& list = ctx.view.reservations;
  std::size_t waiting = 0;
  for (const auto& res : list)
    waiting += open(res.status) ? 1 : 0;
  const ImVec2 title_pos = ImGui::GetCursorScreenPos();
  text(ctx, ctx.fonts().headline, p.text, ctx.t(Text::kPickupsTitle));
  const std::string count = ctx.t(Text::kPickupsCount, {std::to_string(waiting)});
  const ImVec2 cs = pill_size(ctx, count);
  const float title_h = ImGui::GetItemRectSize().y;
  const ImVec2 after = ImGui::GetCursorScreenPos();
  ImGui::SetCursorScreenPos(ImVec2(title_pos.x + w - cs.x, title_pos.y + (title_h - cs.y) * 0.5f));
  pill(ctx, count, p.primary, p.on_primary);
  ImGui::SetCursorScreenPos(after);
  gap(m.gap * 0.3f);
  if (list.empty()) text(ctx, ctx.fonts().title, p.muted, ctx.t(Text::kNoPickups), w);
  for (const auto& res : list) {
    draw_row(ctx, res, w);
    gap(m.gap * 0.3f);
  }
  end_region();
  // "expires in N min" counts down.
  ctx.redraw_by(std::chrono::ceil<std::chrono::minutes>(ctx.clock.now + Millis(1)));
}

}  // namespace witryna::display
