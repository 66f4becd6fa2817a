#include <imgui.h>
#include <imgui_stdlib.h>

#include "display/views/views.hpp"

namespace witryna::display {
namespace {

bool field(DrawContext& ctx, const char* id, std::string_view label, std::string& value,
           float width, ImGuiInputTextFlags flags) {
  const auto& p = ctx.pal();
  text(ctx, ctx.fonts().bold, p.muted, label);
  if (ctx.audit != nullptr) ctx.audit->check(ctx.fonts().title, value);
  ImGui::PushFont(const_cast<ImFont*>(ctx.fonts().title));
  ImGui::PushStyleColor(ImGuiCol_FrameBg, p.surface_alt);
  ImGui::PushStyleColor(ImGuiCol_FrameBgHovered, p.surface_alt);
  ImGui::PushStyleColor(ImGuiCol_FrameBgActive, p.surface_alt);
  ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.5f * ctx.m().scale);
  ImGui::SetNextItemWidth(width);
  const bool changed = ImGui::InputText(id, &value, flags);
  ImGui::PopStyleVar();
  ImGui::PopStyleColor(3);
  ImGui::PopFont();
  return changed;
}

void draw_purchase(DrawContext& ctx, float width) {
  const auto& p = ctx.pal();
  const auto& m = ctx.m();
  PurchaseEntry& entry = ctx.ui.purchase;
  Card card(ctx, width, p.surface);
  const float iw = card.inner_width();
  text(ctx, ctx.fonts().title, p.text, ctx.t(Text::kPurchaseTitle), iw);
  if (entry.sent) {
    gap(m.gap * 0.3f);
    pill(ctx, ctx.t(Text::kPurchaseSent), p.success, p.on_status, ctx.fonts().title);
    return;
  }
  const float col = (iw - m.gap) * 0.5f;
  const ImVec2 row = ImGui::GetCursorScreenPos();
  ImGui::BeginGroup();
  if (field(ctx, "##receipt", ctx.t(Text::kReceipt), entry.receipt, col,
            ImGuiInputTextFlags_CharsNoBlank)) {
    entry.invalid = false;
  }
  ImGui::EndGroup();
  ImGui::SetCursorScreenPos(ImVec2(row.x + col + m.gap, row.y));
  ImGui::BeginGroup();
  if (field(ctx, "##amount", ctx.t(Text::kAmount, {ctx.currency}), entry.amount, col, 0)) {
    entry.invalid = false;
  }
  ImGui::EndGroup();
  gap(m.gap * 0.4f);
  if (entry.invalid) text(ctx, ctx.fonts().bold, p.danger, ctx.t(Text::kInvalidPurchase), iw);
  if (button(ctx, "purchase", ctx.t(Text::kRecordPurchase), ButtonKind::kAccent,
             ImVec2(iw, m.touch * 0.85f), ctx.fonts().bold)) {
    const auto amount = parse_amount(entry.amount);
    if (entry.receipt.empty() || !amount) {
      entry.invalid = true;
    } else {
      ctx.intents.record_purchase(entry.receipt, *amount, ctx.currency);
      entry.sent = true;
    }
  }
}

}  // namespace

// A customer at the till: who, their reservations, and the purchase entry
// that accrues points.
void draw_checkout_customer(DrawContext& ctx, const Rect& r) {
  const auto& m = ctx.m();
  const float bar_h = m.touch + m.gap;
  begin_region("checkout-customer", Rect{r.min, ImVec2(r.max.x, r.max.y - bar_h)}, true);
  const float w = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ScrollbarSize * 0.5f;
  draw_notice(ctx, w);
  if (ctx.view.customer) draw_customer_summary(ctx, *ctx.view.customer, w, true);
  gap(m.gap * 0.5f);
  if (ctx.view.customer) draw_purchase(ctx, w);
  for (const auto& res : ctx.view.reservations) {
    gap(m.gap * 0.5f);
    draw_reservation_card(ctx, res, w);
  }
  end_region();
  const float bw = std::min(r.width(), 420.0f * m.scale);
  ImGui::SetCursorScreenPos(ImVec2(r.max.x - bw, r.max.y - m.touch));
  if (button(ctx, "finish", ctx.t(Text::kFinish), ButtonKind::kPrimary, ImVec2(bw, m.touch))) {
    ctx.intents.end_session();
  }
}

}  // namespace witryna::display
