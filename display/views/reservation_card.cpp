#include "display/views/views.hpp"

namespace witryna::display {

// A shopper's reservation: "Ready in fitting room 3", "-10% today".
void draw_reservation_card(DrawContext& ctx, const ReservationCard& r, float width) {
  const auto& p = ctx.pal();
  const auto& m = ctx.m();
  using domain::ReservationStatus;
  const bool ready = r.status == ReservationStatus::kReady;
  Card card(ctx, width, p.surface, -1.0f, ready ? p.success : p.border);
  const float iw = card.inner_width();
  std::string name = r.name.empty() ? r.sku : r.name;
  if (!r.size.empty()) name += ", " + r.size;
  text(ctx, ctx.fonts().title, p.text, name, iw);

  std::string status;
  ImU32 colour = p.text;
  switch (r.status) {
    case ReservationStatus::kReady:
      status = r.fitting_room.empty() ? std::string(ctx.t(Text::kResReady))
                                      : ctx.t(Text::kResReadyRoom, {r.fitting_room});
      colour = p.success;
      break;
    case ReservationStatus::kHeld:
      status = r.hold_until ? ctx.t(Text::kResHeld, {format_clock(*r.hold_until, ctx.clock)})
                            : std::string(ctx.t(Text::kStatusHeld));
      break;
    case ReservationStatus::kPickedUp:
      status = ctx.t(Text::kResPickedUp);
      break;
    case ReservationStatus::kCancelled:
      status = ctx.t(Text::kResCancelled);
      colour = p.muted;
      break;
    case ReservationStatus::kExpired:
      status = ctx.t(Text::kResExpired);
      colour = p.muted;
      break;
  }
  text(ctx, ctx.fonts().bold, colour, status, iw);
  if (r.discount &&
      (r.status == ReservationStatus::kReady || r.status == ReservationStatus::kHeld)) {
    gap(m.gap * 0.2f);
    pill(ctx, ctx.t(Text::kDiscountToday, {format_benefit(*r.discount, ctx.lang(), ctx.currency)}),
         p.accent, p.on_accent);
  }
}

}  // namespace witryna::display
