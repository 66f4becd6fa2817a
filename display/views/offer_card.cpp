#include "display/model/terms.hpp"
#include "display/views/rounded_fill.hpp"
#include "display/views/views.hpp"

namespace witryna::display {
namespace {

struct StockLabel {
  std::string text;
  ImU32 fill = 0;
};

StockLabel stock_label(const DrawContext& ctx, const StockInfo& s) {
  const auto& p = ctx.pal();
  switch (s.level) {
    case StockLevel::kIn:
      return {s.available ? ctx.t(Text::kStockIn, {format_integer(*s.available, ctx.lang())})
                          : std::string(ctx.t(Text::kStockInNoCount)),
              p.success};
    case StockLevel::kLow:
      return {std::string(ctx.t(Text::kStockLow)), p.warning};
    case StockLevel::kOut:
      return {std::string(ctx.t(Text::kStockOut)), p.danger};
    case StockLevel::kUnknown:
      break;
  }
  return {};
}

std::string_view nearby_level(const DrawContext& ctx, StockLevel level) {
  switch (level) {
    case StockLevel::kIn:
      return ctx.t(Text::kNearbyIn);
    case StockLevel::kLow:
      return ctx.t(Text::kNearbyLow);
    case StockLevel::kOut:
      return ctx.t(Text::kNearbyOut);
    case StockLevel::kUnknown:
      break;
  }
  return {};
}

std::string describe(const Alternative& a) {
  std::string out = a.name.empty() ? a.sku : a.name;
  if (!a.size.empty()) out += ", " + a.size;
  return out;
}

// The benefit's font: as large as fits in about a third of the card.
const ImFont* benefit_font(const DrawContext& ctx, const std::string& benefit, float card_width) {
  const ImFont* big = ctx.fonts().headline;
  return text_size(big, benefit).x + ctx.m().pad * 1.4f <= card_width * 0.36f ? big
                                                                              : ctx.fonts().title;
}

void draw_benefit_block(DrawContext& ctx, const std::string& benefit, const ImFont* font, ImVec2 at,
                        ImVec2 size) {
  const auto& p = ctx.pal();
  fill_rounded(ImGui::GetWindowDrawList(), at, ImVec2(at.x + size.x, at.y + size.y), p.accent,
               ctx.m().radius * 0.8f);
  const ImVec2 t = text_size(font, benefit);
  text_at(ctx, font, p.on_accent,
          ImVec2(at.x + (size.x - t.x) * 0.5f, at.y + (size.y - t.y) * 0.5f), benefit);
}

}  // namespace

void draw_offer_card(DrawContext& ctx, const Offer& o, float width, bool can_accept) {
  const auto& p = ctx.pal();
  const auto& m = ctx.m();
  Card card(ctx, width, p.surface);
  const float iw = card.inner_width();

  // Benefit on the left, what it is on the right.
  const ImVec2 top = ImGui::GetCursorScreenPos();
  float left = 0;
  std::string benefit;
  const ImFont* benefit_in = nullptr;
  ImVec2 block{};
  if (o.benefit) {
    benefit = format_benefit(*o.benefit, ctx.lang(), ctx.currency);
    benefit_in = benefit_font(ctx, benefit, iw);
    const ImVec2 bs = text_size(benefit_in, benefit);
    block = ImVec2(std::max(bs.x + m.pad * 1.4f, std::min(170.0f * m.scale, iw * 0.3f)),
                   bs.y + m.pad * 1.4f);
    left = block.x + m.gap;
  }
  ImGui::SetCursorScreenPos(ImVec2(top.x + left, top.y));
  ImGui::BeginGroup();
  const float tw = iw - left;
  text(ctx, ctx.fonts().title, p.text, o.title, tw);
  if (!o.body.empty()) text(ctx, ctx.fonts().body, p.muted, o.body, tw);
  if (o.product && !o.product->name.empty()) {
    std::string line = o.product->name;
    if (!o.product->size.empty()) line += "  ·  " + o.product->size;
    if (o.product->price_minor) {
      line +=
          "  ·  " + format_money(*o.product->price_minor,
                                 o.product->currency.empty() ? ctx.currency : o.product->currency,
                                 ctx.lang());
    }
    text(ctx, ctx.fonts().bold, p.text, line, tw);
  }
  ImGui::EndGroup();
  const float group_h = ImGui::GetItemRectSize().y;
  if (o.benefit) {
    block.y = std::max(block.y, group_h);
    draw_benefit_block(ctx, benefit, benefit_in, top, block);
  }
  ImGui::SetCursorScreenPos(top);
  ImGui::Dummy(ImVec2(iw, std::max(block.y, group_h)));

  if (!o.reasons.empty()) {
    gap(m.gap * 0.3f);
    text(ctx, ctx.fonts().small, p.muted, ctx.t(Text::kWhy));
    for (const auto& reason : o.reasons) {
      bullet(ctx, ctx.fonts().body, p.text, localize_reason(reason, ctx.lang()), iw);
    }
  }

  const StockLabel stock = o.stock ? stock_label(ctx, *o.stock) : StockLabel{};
  const bool accepted = ctx.ui.accepted_offers.contains(o.offer);
  const std::string_view accept_label = ctx.t(accepted ? Text::kOfferChosen : Text::kChooseOffer);
  if (!stock.text.empty() || can_accept) {
    gap(m.gap * 0.4f);
    const ImVec2 row = ImGui::GetCursorScreenPos();
    const ImVec2 bsize = button_size(ctx, accept_label, ctx.fonts().bold);
    if (!stock.text.empty()) {
      const ImVec2 ps = pill_size(ctx, stock.text);
      ImGui::SetCursorScreenPos(ImVec2(row.x, row.y + (bsize.y - ps.y) * 0.5f));
      pill(ctx, stock.text, stock.fill, p.on_status);
    }
    if (can_accept) {
      ImGui::SetCursorScreenPos(ImVec2(row.x + iw - bsize.x, row.y));
      if (accepted) {
        const ImVec2 ps = pill_size(ctx, accept_label);
        ImGui::SetCursorScreenPos(ImVec2(row.x + iw - ps.x, row.y + (bsize.y - ps.y) * 0.5f));
        pill(ctx, accept_label, mix(p.surface, p.success, 0.15f), p.success);
      } else if (button(ctx, o.offer.c_str(), accept_label, ButtonKind::kAccent, bsize,
                        ctx.fonts().bold)) {
        ctx.intents.accept_offer(o.offer);
        ctx.ui.accepted_offers.insert(o.offer);
      }
    }
    ImGui::SetCursorScreenPos(row);
    ImGui::Dummy(ImVec2(iw, bsize.y));
  }

  if (o.alternative) {
    text(ctx, ctx.fonts().bold, p.text, ctx.t(Text::kAlternative, {describe(*o.alternative)}), iw);
  }
  if (!o.nearby.empty()) {
    gap(m.gap * 0.2f);
    text(ctx, ctx.fonts().small, p.muted, ctx.t(Text::kNearbyTitle));
    for (const auto& n : o.nearby) {
      std::string line = n.name;
      if (n.distance_m) line += "  ·  " + format_distance(*n.distance_m, ctx.lang());
      const auto level = nearby_level(ctx, n.level);
      if (!level.empty()) line += "  ·  " + std::string(level);
      bullet(ctx, ctx.fonts().body, p.text, line, iw);
      if (n.as_of) {
        std::string when = ctx.t(Text::kAsOf, {format_clock(*n.as_of, ctx.clock)});
        if (n.stale) when += "  —  " + std::string(ctx.t(Text::kStale));
        const float indent = ctx.fonts().body->FontSize * 1.1f;
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + indent);
        text(ctx, ctx.fonts().small, n.stale ? p.warning : p.muted, when, iw - indent);
      }
    }
  }
}

}  // namespace witryna::display
