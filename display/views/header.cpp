#include "display/model/terms.hpp"
#include "display/views/views.hpp"

namespace witryna::display {

// The brand band on top: the brand's mark and name, and on a kiosk the
// language switch (a shopper's choice, reset when they leave).
void draw_header(DrawContext& ctx, const Rect& r) {
  const auto& p = ctx.pal();
  const auto& m = ctx.m();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(r.min, r.max, p.primary);

  const std::string brand = ctx.brand.empty() ? "Witryna" : capitalize_first(ctx.brand);
  const float mark = r.height() * 0.56f;
  const ImVec2 mark_min(r.min.x + m.gap * 1.2f, r.min.y + (r.height() - mark) * 0.5f);
  dl->AddRectFilled(mark_min, ImVec2(mark_min.x + mark, mark_min.y + mark), p.on_primary,
                    mark * 0.28f);
  const std::string initial = brand.substr(0, 1);
  const ImFont* title = ctx.fonts().title;
  const ImVec2 is = text_size(title, initial);
  text_at(ctx, title, p.primary,
          ImVec2(mark_min.x + (mark - is.x) * 0.5f, mark_min.y + (mark - is.y) * 0.5f), initial);
  const ImVec2 bs = text_size(title, brand);
  text_at(ctx, title, p.on_primary,
          ImVec2(mark_min.x + mark + m.gap * 0.7f, r.min.y + (r.height() - bs.y) * 0.5f), brand);

  const float right = r.max.x - m.gap * 1.2f;
  if (ctx.role == Role::kKiosk) {
    const auto label = ctx.t(Text::kOtherLanguage);
    const ImVec2 size(button_size(ctx, label, ctx.fonts().bold).x, r.height() * 0.66f);
    ImGui::SetCursorScreenPos(ImVec2(right - size.x, r.min.y + (r.height() - size.y) * 0.5f));
    if (button(ctx, "language", label, ButtonKind::kOnPrimary, size, ctx.fonts().bold)) {
      ctx.ui.language = ctx.ui.language == Language::kPl ? Language::kEn : Language::kPl;
    }
  } else {
    const std::string till = ctx.till.empty() ? std::string(ctx.t(Text::kCheckoutScreen))
                                              : ctx.t(Text::kTill, {ctx.till});
    const std::string line = till + "  ·  " + format_clock(ctx.clock.now, ctx.clock);
    const ImFont* font = ctx.fonts().bold;
    const ImVec2 ts = text_size(font, line);
    text_at(ctx, font, p.on_primary, ImVec2(right - ts.x, r.min.y + (r.height() - ts.y) * 0.5f),
            line);
    ctx.redraw_by(std::chrono::ceil<std::chrono::minutes>(ctx.clock.now + Millis(1)));
  }
}

}  // namespace witryna::display
