#pragma once
// The views: each draws one part of the screen into a rectangle from the
// DrawContext. They only draw and report intents; no I/O, no decisions.

#include "display/model/view_model.hpp"
#include "display/views/draw_context.hpp"
#include "display/views/widgets.hpp"

namespace witryna::display {

// The whole frame: header, the view for the mode, status strip, overlay.
void draw_screen(DrawContext& ctx);

void draw_header(DrawContext& ctx, const Rect& r);
void draw_status_strip(DrawContext& ctx, const Rect& r);
void draw_offline_overlay(DrawContext& ctx, const Rect& r);

// kiosk
void draw_idle(DrawContext& ctx, const Rect& r);
void draw_customer(DrawContext& ctx, const Rect& r);
void draw_preferences(DrawContext& ctx, const Rect& r);
void draw_message(DrawContext& ctx, const Rect& r);

// checkout
void draw_code_pad(DrawContext& ctx, const Rect& r);
void draw_code_outcome(DrawContext& ctx, const Rect& r);
void draw_pickups(DrawContext& ctx, const Rect& r);
void draw_service(DrawContext& ctx, const Rect& r);
void draw_checkout_customer(DrawContext& ctx, const Rect& r);
void draw_checkout_ready(DrawContext& ctx, const Rect& r);

// pieces shared by several views
void draw_offer_card(DrawContext& ctx, const Offer& offer, float width, bool can_accept);
void draw_reservation_card(DrawContext& ctx, const ReservationCard& r, float width);
// `for_staff`: a cashier's or advisor's screen names the customer instead of
// greeting them, and leaves out what is said to shoppers.
void draw_customer_summary(DrawContext& ctx, const Customer& c, float width,
                           bool for_staff = false);
void draw_notice(DrawContext& ctx, float width);

// A child window over `r` (clips, scrolls when `scroll`); end_region() after.
void begin_region(const char* id, const Rect& r, bool scroll);
void end_region();

}  // namespace witryna::display
