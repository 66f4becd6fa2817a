#include "display/model/terms.hpp"
#include "display/views/views.hpp"

namespace witryna::display {
namespace {

struct ConsentRow {
  ConsentKind kind;
  Text label;
  Text help;
  const char* id;
};

constexpr ConsentRow kConsentRows[] = {
    {ConsentKind::kPersonalization, Text::kConsentPersonalization,
     Text::kConsentPersonalizationHelp, "c-personalization"},
    {ConsentKind::kMarketing, Text::kConsentMarketing, Text::kConsentMarketingHelp, "c-marketing"},
    {ConsentKind::kDisplayName, Text::kConsentDisplayName, Text::kConsentDisplayNameHelp, "c-name"},
    {ConsentKind::kHistoryForStaff, Text::kConsentHistory, Text::kConsentHistoryHelp, "c-history"},
};

void draw_consents(DrawContext& ctx, float width) {
  const auto& p = ctx.pal();
  const auto& m = ctx.m();
  Card card(ctx, width, p.surface);
  const float iw = card.inner_width();
  const ImVec2 sw = toggle_size(ctx);
  bool first = true;
  for (const auto& row : kConsentRows) {
    if (!first) {
      const ImVec2 c = ImGui::GetCursorScreenPos();
      ImGui::GetWindowDrawList()->AddLine(ImVec2(c.x, c.y), ImVec2(c.x + iw, c.y), p.border,
                                          1.0f * m.scale);
      gap(m.gap * 0.5f);
    }
    first = false;
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const float tw = iw - sw.x - m.gap;
    ImGui::BeginGroup();
    text(ctx, ctx.fonts().bold, p.text, ctx.t(row.label), tw);
    text(ctx, ctx.fonts().small, p.muted, ctx.t(row.help), tw);
    ImGui::EndGroup();
    const float h = std::max(ImGui::GetItemRectSize().y, sw.y);
    ImGui::SetCursorScreenPos(ImVec2(top.x + iw - sw.x, top.y + (h - sw.y) * 0.5f));
    const bool on = ctx.ui.preferences.consent(row.kind);
    if (toggle_switch(ctx, row.id, on)) ctx.ui.preferences.set_consent(row.kind, !on);
    ImGui::SetCursorScreenPos(top);
    ImGui::Dummy(ImVec2(iw, h));
    gap(m.gap * 0.2f);
  }
}

void draw_preview(DrawContext& ctx, float width) {
  const auto& p = ctx.pal();
  Card card(ctx, width, mix(p.surface, p.accent, 0.07f), -1.0f, p.accent);
  const float iw = card.inner_width();
  text(ctx, ctx.fonts().bold, p.accent, ctx.t(Text::kPreviewTitle));
  for (const auto& line : ctx.ui.preferences.preview(ctx.lang())) {
    bullet(ctx, ctx.fonts().body, p.text, line, iw);
  }
}

void draw_quiz(DrawContext& ctx, float width) {
  const auto& p = ctx.pal();
  const auto& m = ctx.m();
  Card card(ctx, width, p.surface);
  const float iw = card.inner_width();
  auto& form = ctx.ui.preferences;
  text(ctx, ctx.fonts().title, p.text, ctx.t(Text::kQuizTitle), iw);

  gap(m.gap * 0.3f);
  text(ctx, ctx.fonts().bold, p.muted, ctx.t(Text::kQuizSizes));
  {
    Flow flow(ctx, iw);
    for (const auto size : quiz_sizes()) {
      const std::string s(size);
      flow.next(chip_size(ctx, s));
      if (chip(ctx, ("size-" + s).c_str(), s, form.has_size(s))) form.toggle_size(s);
    }
    flow.end();
  }
  gap(m.gap * 0.3f);
  text(ctx, ctx.fonts().bold, p.muted, ctx.t(Text::kQuizCategories));
  {
    Flow flow(ctx, iw);
    for (const auto key : quiz_categories()) {
      const std::string k(key);
      const std::string label = localize_term(TermKind::kCategory, k, ctx.lang());
      flow.next(chip_size(ctx, label));
      if (chip(ctx, ("cat-" + k).c_str(), label, form.has_category(k))) form.toggle_category(k);
    }
    flow.end();
  }
  gap(m.gap * 0.3f);
  text(ctx, ctx.fonts().bold, p.muted, ctx.t(Text::kQuizBudget));
  {
    Flow flow(ctx, iw);
    for (const auto minor : quiz_budgets_minor()) {
      const std::string label =
          minor > 0
              ? ctx.t(Text::kBudgetUpTo, {format_money_short(minor, ctx.currency, ctx.lang())})
              : std::string(ctx.t(Text::kBudgetAny));
      flow.next(chip_size(ctx, label));
      if (chip(ctx, ("budget-" + std::to_string(minor)).c_str(), label,
               form.budget_minor() == minor)) {
        form.set_budget(minor);
      }
    }
    flow.end();
  }
}

}  // namespace

// "My preferences": consents with a one-line explanation each, a live preview
// of what changes, and the short quiz. Nothing is sent until Save.
void draw_preferences(DrawContext& ctx, const Rect& r) {
  const auto& p = ctx.pal();
  const auto& m = ctx.m();
  const float bar_h = m.touch + m.gap;
  begin_region("preferences", Rect{r.min, ImVec2(r.max.x, r.max.y - bar_h)}, true);
  const float w = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ScrollbarSize * 0.5f;
  text(ctx, m.portrait ? ctx.fonts().headline : ctx.fonts().title, p.text,
       ctx.t(Text::kMyPreferences), w);
  text(ctx, ctx.fonts().body, p.muted, ctx.t(Text::kPrefsIntro), w);
  gap(m.gap * 0.5f);
  if (m.portrait) {
    draw_consents(ctx, w);
    gap(m.gap * 0.5f);
    draw_preview(ctx, w);
    gap(m.gap * 0.5f);
    draw_quiz(ctx, w);
  } else {
    const float col = (w - m.gap) * 0.5f;
    const ImVec2 start = ImGui::GetCursorScreenPos();
    // The preview sits beside the switches, so each tap shows what it changes.
    ImGui::BeginGroup();
    draw_consents(ctx, col);
    ImGui::EndGroup();
    const float left_bottom = ImGui::GetItemRectMax().y;
    ImGui::SetCursorScreenPos(ImVec2(start.x + col + m.gap, start.y));
    ImGui::BeginGroup();
    draw_preview(ctx, col);
    gap(m.gap * 0.5f);
    draw_quiz(ctx, col);
    ImGui::EndGroup();
    const float bottom = std::max(left_bottom, ImGui::GetItemRectMax().y);
    ImGui::SetCursorScreenPos(start);
    ImGui::Dummy(ImVec2(w, bottom - start.y));
  }
  gap(m.gap);
  end_region();

  const float bw = (r.width() - m.gap) * 0.5f;
  ImGui::SetCursorScreenPos(ImVec2(r.min.x, r.max.y - m.touch));
  if (button(ctx, "back", ctx.t(Text::kBack), ButtonKind::kOutline, ImVec2(bw, m.touch))) {
    ctx.ui.page = KioskPage::kMain;
  }
  ImGui::SetCursorScreenPos(ImVec2(r.min.x + bw + m.gap, r.max.y - m.touch));
  const bool dirty = ctx.ui.preferences.dirty();
  if (button(ctx, "save", ctx.t(Text::kSave), ButtonKind::kPrimary, ImVec2(bw, m.touch), nullptr,
             dirty)) {
    ctx.intents.save_preferences(ctx.ui.preferences);
    ctx.ui.page = KioskPage::kMain;
    ctx.ui.notice = Notice{Text::kSaved, false, ctx.clock.now + Millis(4000)};
  }
}

}  // namespace witryna::display
