#include "display/views/rounded_fill.hpp"
#include "display/views/views.hpp"

namespace witryna::display {
namespace {

// A stylised scan code, so the call to action reads at a glance.
void scan_glyph(ImVec2 at, float size, ImU32 colour) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float cell = size / 7.0f;
  // Three finder squares and a few modules: a QR code's silhouette.
  const auto finder = [&](float x, float y) {
    dl->AddRect(ImVec2(at.x + x, at.y + y), ImVec2(at.x + x + cell * 3, at.y + y + cell * 3),
                colour, cell * 0.3f, 0, cell * 0.55f);
    dl->AddRectFilled(ImVec2(at.x + x + cell, at.y + y + cell),
                      ImVec2(at.x + x + cell * 2, at.y + y + cell * 2), colour);
  };
  finder(0, 0);
  finder(cell * 4, 0);
  finder(0, cell * 4);
  const int modules[][2] = {{4, 4}, {6, 4}, {5, 5}, {4, 6}, {6, 6}};
  for (const auto& mod : modules) {
    const float x = at.x + static_cast<float>(mod[0]) * cell;
    const float y = at.y + static_cast<float>(mod[1]) * cell;
    dl->AddRectFilled(ImVec2(x, y), ImVec2(x + cell, y + cell), colour, cell * 0.2f);
  }
}

void draw_slide(DrawContext& ctx, const Rect& r) {
  const auto& p = ctx.pal();
  const auto& m = ctx.m();
  const auto& offers = ctx.view.offers;
  const auto slide = attract_slide(ctx.ui, offers.size(), ctx.clock.now, ctx.attract_per_slide);
  if (!offers.empty()) ctx.redraw_by(slide.next_change);

  ImDrawList* dl = ImGui::GetWindowDrawList();
  fill_rounded(dl, r.min, r.max, p.surface, m.radius * 1.5f);
  // A band of the accent colour gives the slide its brand feel.
  dl->AddRectFilled(r.min, ImVec2(r.max.x, r.min.y + 14.0f * m.scale), p.accent, m.radius * 1.5f,
                    ImDrawFlags_RoundCornersTop);

  const float pad = m.pad * 2.0f;
  const float inner = r.width() - pad * 2;
  begin_region("slide",
               Rect{ImVec2(r.min.x + pad, r.min.y + pad), ImVec2(r.max.x - pad, r.max.y - pad)},
               false);
  if (offers.empty()) {
    gap(r.height() * 0.22f);
    text_centered(ctx, ctx.fonts().huge, p.primary, ctx.t(Text::kWelcome), inner);
    gap(m.gap);
    text_centered(ctx, ctx.fonts().title, p.muted, ctx.t(Text::kWelcomeBody), inner);
    end_region();
    return;
  }
  const Offer& offer = offers[slide.index % offers.size()];
  const std::string benefit =
      offer.benefit ? format_benefit(*offer.benefit, ctx.lang(), ctx.currency) : std::string();
  std::string product;
  if (offer.product && !offer.product->name.empty()) {
    product = offer.product->name;
    if (offer.product->price_minor) {
      product += "  ·  " + format_money(*offer.product->price_minor,
                                        offer.product->currency.empty() ? ctx.currency
                                                                        : offer.product->currency,
                                        ctx.lang());
    }
  }
  const auto& f = ctx.fonts();
  // Measure first, so the slide's content sits in the middle of the card.
  const float spacing = ImGui::GetStyle().ItemSpacing.y;
  float h = pill_size(ctx, ctx.t(Text::kOfferOfTheDay)).y + m.gap * 1.5f;
  if (!benefit.empty()) h += text_size(f.huge, benefit).y + spacing + m.gap * 0.5f;
  h += text_size(f.headline, offer.title, inner).y + spacing;
  if (!offer.body.empty()) h += m.gap * 0.5f + text_size(f.title, offer.body, inner).y + spacing;
  if (!product.empty()) h += m.gap + text_size(f.title, product, inner).y + spacing;
  const float room = r.height() - pad * 2 - m.gap * 2;  // leave the dots their line
  if (room > h) ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (room - h) * 0.42f);

  pill(ctx, ctx.t(Text::kOfferOfTheDay), mix(p.surface, p.accent, 0.14f), p.accent);
  gap(m.gap * 1.5f);
  if (!benefit.empty()) {
    text(ctx, f.huge, p.accent, benefit);
    gap(m.gap * 0.5f);
  }
  text(ctx, f.headline, p.text, offer.title, inner);
  if (!offer.body.empty()) {
    gap(m.gap * 0.5f);
    text(ctx, f.title, p.muted, offer.body, inner);
  }
  if (!product.empty()) {
    gap(m.gap);
    text(ctx, f.title, p.text, product, inner);
  }
  end_region();

  // Where we are in the loop.
  if (offers.size() > 1) {
    const float dot = 8.0f * m.scale;
    const float step = dot * 3.5f;
    const float total = step * static_cast<float>(offers.size() - 1);
    const float cx = r.min.x + r.width() * 0.5f - total * 0.5f;
    const float cy = r.max.y - pad * 0.6f;
    for (std::size_t i = 0; i < offers.size(); ++i) {
      dl->AddCircleFilled(ImVec2(cx + step * static_cast<float>(i), cy), dot,
                          i == slide.index ? p.accent : p.border, 20);
    }
  }
}

void draw_call_to_action(DrawContext& ctx, const Rect& r) {
  const auto& p = ctx.pal();
  const auto& m = ctx.m();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  fill_rounded(dl, r.min, r.max, p.primary, m.radius * 1.5f);
  const float pad = m.pad * 1.5f;
  const ImFont* big = ctx.fonts().headline;
  const ImFont* body = ctx.fonts().title;
  const auto prompt = ctx.t(Text::kScanPrompt);
  const auto hint = ctx.t(Text::kScanHint);
  const ImU32 soft = mix(p.on_primary, p.primary, 0.2f);
  if (r.width() < 700.0f * m.scale) {
    // Narrow (landscape side panel): the symbol on top, the words under it.
    big = ctx.fonts().title;
    body = ctx.fonts().bold;
    const float w = r.width() - pad * 2;
    const float icon = std::min(w * 0.45f, 170.0f * m.scale);
    const float h = icon + m.gap * 1.5f + text_size(big, prompt, w).y * 1.15f + m.gap * 0.5f +
                    text_size(body, hint, w).y * 1.15f;
    const float top = r.min.y + std::max(pad, (r.height() - h) * 0.5f);
    scan_glyph(ImVec2(r.min.x + (r.width() - icon) * 0.5f, top), icon, p.on_primary);
    ImGui::SetCursorScreenPos(ImVec2(r.min.x + pad, top + icon + m.gap * 1.5f));
    text_centered(ctx, big, p.on_primary, prompt, w);
    gap(m.gap * 0.5f);
    ImGui::SetCursorScreenPos(ImVec2(r.min.x + pad, ImGui::GetCursorScreenPos().y));
    text_centered(ctx, body, soft, hint, w);
    return;
  }
  const float icon = std::min(r.height() - pad * 2, 150.0f * m.scale);
  scan_glyph(ImVec2(r.min.x + pad, r.min.y + (r.height() - icon) * 0.5f), icon, p.on_primary);
  const float text_x = r.min.x + pad * 2 + icon;
  const float text_w = r.max.x - pad - text_x;
  const float h = text_size(big, prompt, text_w).y + m.gap * 0.5f + text_size(body, hint, text_w).y;
  ImGui::SetCursorScreenPos(ImVec2(text_x, r.min.y + (r.height() - h) * 0.5f));
  text(ctx, big, p.on_primary, prompt, text_w);
  ImGui::SetCursorScreenPos(ImVec2(text_x, ImGui::GetCursorScreenPos().y + m.gap * 0.3f));
  text(ctx, body, soft, hint, text_w);
}

}  // namespace

// The attract loop: generic offers one after another, and how to start.
void draw_idle(DrawContext& ctx, const Rect& r) {
  const auto& m = ctx.m();
  if (m.portrait) {
    const float cta_h = std::max(r.height() * 0.22f, 260.0f * m.scale);
    draw_slide(ctx, Rect{r.min, ImVec2(r.max.x, r.max.y - cta_h - m.gap)});
    draw_call_to_action(ctx, Rect{ImVec2(r.min.x, r.max.y - cta_h), r.max});
  } else {
    const float cta_w = r.width() * 0.36f;
    draw_slide(ctx, Rect{r.min, ImVec2(r.max.x - cta_w - m.gap, r.max.y)});
    draw_call_to_action(ctx, Rect{ImVec2(r.max.x - cta_w, r.min.y), r.max});
  }
}

}  // namespace witryna::display
