#include "display/views/widgets.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>

#include "display/model/wrap.hpp"
#include "display/views/rounded_fill.hpp"

namespace witryna::display {
namespace {

void audit(DrawContext& ctx, const ImFont* font, std::string_view s) {
  if (ctx.audit != nullptr) ctx.audit->check(font, s);
}

ImFont* mutable_font(const ImFont* font) {
  // ImGui's API takes non-const fonts but does not change them when drawing.
  return const_cast<ImFont*>(font);
}

// Lines of `s` wrapped with display/model/wrap.hpp's rules (not ImGui's,
// which break after '.' and ',' and so split prices).
std::vector<std::string_view> lines_of(const ImFont* font, std::string_view s, float wrap_width) {
  return wrap_lines(s, wrap_width, [font](std::string_view line) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, line.data(), line.data() + line.size())
        .x;
  });
}

struct ButtonColours {
  ImU32 fill;
  ImU32 text;
  ImU32 outline;  // 0: none
};

ButtonColours colours_for(ButtonKind kind, const Palette& p) {
  switch (kind) {
    case ButtonKind::kPrimary:
      return {p.primary, p.on_primary, 0};
    case ButtonKind::kAccent:
      return {p.accent, p.on_accent, 0};
    case ButtonKind::kSuccess:
      return {p.success, p.on_status, 0};
    case ButtonKind::kDanger:
      return {p.danger, p.on_status, 0};
    case ButtonKind::kQuiet:
      return {p.surface_alt, p.text, 0};
    case ButtonKind::kOutline:
      return {p.surface, p.text, p.border};
    case ButtonKind::kOnPrimary:
      return {mix(p.primary, p.on_primary, 0.18f), p.on_primary, 0};
  }
  return {p.primary, p.on_primary, 0};
}

}  // namespace

ImVec2 text_size(const ImFont* font, std::string_view s, float wrap_width) {
  if (wrap_width <= 0)
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, s.data(), s.data() + s.size());
  const auto lines = lines_of(font, s, wrap_width);
  float width = 0;
  for (const auto line : lines) {
    width = std::max(
        width,
        font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, line.data(), line.data() + line.size()).x);
  }
  return ImVec2(width, font->FontSize * static_cast<float>(lines.size()));
}

void text(DrawContext& ctx, const ImFont* font, ImU32 colour, std::string_view s,
          float wrap_width) {
  audit(ctx, font, s);
  ImGui::PushFont(mutable_font(font));
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  if (wrap_width > 0) {
    // The breaks chosen here, drawn as explicit lines (ImGui spaces them as it would its own).
    const auto lines = lines_of(font, s, wrap_width);
    std::string wrapped;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (i > 0) wrapped += '\n';
      wrapped += lines[i];
    }
    ImGui::TextUnformatted(wrapped.data(), wrapped.data() + wrapped.size());
  } else {
    ImGui::TextUnformatted(s.data(), s.data() + s.size());
  }
  ImGui::PopStyleColor();
  ImGui::PopFont();
}

void bullet(DrawContext& ctx, const ImFont* font, ImU32 colour, std::string_view s, float width) {
  const float indent = font->FontSize * 1.1f;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  text_at(ctx, font, colour, at, "•");
  ImGui::SetCursorScreenPos(ImVec2(at.x + indent, at.y));
  ImGui::BeginGroup();
  text(ctx, font, colour, s, width - indent);
  ImGui::EndGroup();
  const float bottom = ImGui::GetItemRectMax().y;
  ImGui::SetCursorScreenPos(at);
  ImGui::Dummy(ImVec2(width, bottom - at.y));
}

void text_centered(DrawContext& ctx, const ImFont* font, ImU32 colour, std::string_view s,
                   float width) {
  audit(ctx, font, s);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  float y = origin.y;
  const float line_height = font->FontSize * 1.15f;
  for (const auto line : lines_of(font, s, width)) {
    const ImVec2 size =
        font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, line.data(), line.data() + line.size());
    dl->AddText(font, font->FontSize, ImVec2(origin.x + std::max(0.0f, (width - size.x) * 0.5f), y),
                colour, line.data(), line.data() + line.size());
    y += line_height;
  }
  ImGui::Dummy(ImVec2(width, y - origin.y));
}

void text_at(DrawContext& ctx, const ImFont* font, ImU32 colour, ImVec2 pos, std::string_view s) {
  audit(ctx, font, s);
  ImGui::GetWindowDrawList()->AddText(font, font->FontSize, pos, colour, s.data(),
                                      s.data() + s.size());
}

ImVec2 button_size(const DrawContext& ctx, std::string_view label, const ImFont* font) {
  font = font != nullptr ? font : ctx.fonts().title;
  const ImVec2 t = text_size(font, label);
  return ImVec2(t.x + ctx.m().pad * 2.4f, std::max(ctx.m().touch, t.y + ctx.m().pad));
}

bool button(DrawContext& ctx, const char* id, std::string_view label, ButtonKind kind, ImVec2 size,
            const ImFont* font, bool enabled) {
  font = font != nullptr ? font : ctx.fonts().title;
  const ImVec2 fit = button_size(ctx, label, font);
  if (size.x <= 0) size.x = fit.x;
  if (size.y <= 0) size.y = fit.y;
  const auto& p = ctx.pal();
  ImGui::PushID(id);
  const bool pressed = ImGui::InvisibleButton("##button", size) && enabled;
  const bool held = ImGui::IsItemActive() && enabled;
  ImGui::PopID();
  auto [fill, fg, outline] = colours_for(kind, p);
  if (!enabled) {
    fill = mix(fill, p.background, 0.6f);
    fg = mix(fg, p.background, 0.45f);
  } else if (held) {
    fill = mix(fill, IM_COL32(0, 0, 0, 255), 0.18f);
  }
  const ImVec2 a = ImGui::GetItemRectMin();
  const ImVec2 b = ImGui::GetItemRectMax();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float r = std::min(ctx.m().radius, size.y * 0.5f);
  fill_rounded(dl, a, b, fill, r);
  if (outline != 0) dl->AddRect(a, b, outline, r, 0, 2.0f * ctx.m().scale);
  const ImVec2 t = text_size(font, label);
  text_at(ctx, font, fg, ImVec2(a.x + (size.x - t.x) * 0.5f, a.y + (size.y - t.y) * 0.5f), label);
  return pressed;
}

ImVec2 pill_size(const DrawContext& ctx, std::string_view label, const ImFont* font) {
  font = font != nullptr ? font : ctx.fonts().bold;
  const ImVec2 t = text_size(font, label);
  return ImVec2(t.x + ctx.m().pad * 1.0f, t.y + ctx.m().pad * 0.45f);
}

void pill(DrawContext& ctx, std::string_view label, ImU32 fill, ImU32 colour, const ImFont* font) {
  font = font != nullptr ? font : ctx.fonts().bold;
  const ImVec2 size = pill_size(ctx, label, font);
  const ImVec2 a = ImGui::GetCursorScreenPos();
  fill_rounded(ImGui::GetWindowDrawList(), a, ImVec2(a.x + size.x, a.y + size.y), fill,
               size.y * 0.5f);
  const ImVec2 t = text_size(font, label);
  text_at(ctx, font, colour, ImVec2(a.x + (size.x - t.x) * 0.5f, a.y + (size.y - t.y) * 0.5f),
          label);
  ImGui::Dummy(size);
}

ImVec2 toggle_size(const DrawContext& ctx) {
  const float h = ctx.m().touch * 0.62f;
  return ImVec2(h * 1.9f, h);
}

bool toggle_switch(DrawContext& ctx, const char* id, bool on) {
  const ImVec2 size = toggle_size(ctx);
  ImGui::PushID(id);
  // The tap target is taller than the drawn switch, for fingers.
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const bool pressed = ImGui::InvisibleButton("##toggle", size);
  ImGui::PopID();
  const auto& p = ctx.pal();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImU32 track = on ? p.success : p.border;
  dl->AddRectFilled(start, ImVec2(start.x + size.x, start.y + size.y), track, size.y * 0.5f);
  const float r = size.y * 0.5f - 4.0f * ctx.m().scale;
  const float cx = on ? start.x + size.x - size.y * 0.5f : start.x + size.y * 0.5f;
  dl->AddCircleFilled(ImVec2(cx, start.y + size.y * 0.5f), r, IM_COL32(255, 255, 255, 255), 32);
  return pressed;
}

ImVec2 chip_size(const DrawContext& ctx, std::string_view label) {
  const ImVec2 t = text_size(ctx.fonts().bold, label);
  const ImVec2 check = text_size(ctx.fonts().bold, "✓ ");
  return ImVec2(t.x + check.x + ctx.m().pad * 1.4f,
                std::max(ctx.m().touch * 0.78f, t.y + ctx.m().pad));
}

bool chip(DrawContext& ctx, const char* id, std::string_view label, bool selected) {
  const ImVec2 size = chip_size(ctx, label);
  ImGui::PushID(id);
  const bool pressed = ImGui::InvisibleButton("##chip", size);
  const bool held = ImGui::IsItemActive();
  ImGui::PopID();
  const auto& p = ctx.pal();
  const ImVec2 a = ImGui::GetItemRectMin();
  const ImVec2 b = ImGui::GetItemRectMax();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImU32 fill = selected ? p.primary : p.surface_alt;
  if (held) fill = mix(fill, IM_COL32(0, 0, 0, 255), 0.15f);
  fill_rounded(dl, a, b, fill, size.y * 0.5f);
  if (!selected) dl->AddRect(a, b, p.border, size.y * 0.5f, 0, 1.5f * ctx.m().scale);
  const ImFont* font = ctx.fonts().bold;
  const std::string shown = selected ? "✓ " + std::string(label) : std::string(label);
  const ImVec2 t = text_size(font, shown);
  text_at(ctx, font, selected ? p.on_primary : p.text,
          ImVec2(a.x + (size.x - t.x) * 0.5f, a.y + (size.y - t.y) * 0.5f), shown);
  return pressed;
}

Flow::Flow(const DrawContext& ctx, float width)
    : origin_(ImGui::GetCursorScreenPos()), width_(width), spacing_(ctx.m().gap * 0.6f) {}

void Flow::next(ImVec2 size) {
  if (x_ > 0 && x_ + size.x > width_) {
    x_ = 0;
    y_ += row_height_ + spacing_;
    row_height_ = 0;
  }
  ImGui::SetCursorScreenPos(ImVec2(origin_.x + x_, origin_.y + y_));
  x_ += size.x + spacing_;
  row_height_ = std::max(row_height_, size.y);
}

void Flow::end() {
  ImGui::SetCursorScreenPos(origin_);
  ImGui::Dummy(ImVec2(width_, y_ + row_height_));
}

Card::Card(DrawContext& ctx, float width, ImU32 fill, float pad, ImU32 edge)
    : ctx_(ctx),
      draw_list_(ImGui::GetWindowDrawList()),
      start_(ImGui::GetCursorScreenPos()),
      width_(width),
      pad_(pad >= 0 ? pad : ctx.m().pad),
      fill_(fill),
      edge_(edge) {
  splitter_.Split(draw_list_, 2);
  splitter_.SetCurrentChannel(draw_list_, 1);
  ImGui::SetCursorScreenPos(ImVec2(start_.x + pad_, start_.y + pad_));
  ImGui::BeginGroup();
}

Card::~Card() {
  ImGui::EndGroup();
  const float bottom = ImGui::GetItemRectMax().y + pad_;
  splitter_.SetCurrentChannel(draw_list_, 0);
  const ImVec2 end(start_.x + width_, bottom);
  const float r = ctx_.m().radius;
  // A soft shadow under the card lifts it off the background. The opaque
  // card hides all of it but its bottom edge and the card's anti-aliased
  // sides, so only those bands are filled: with software GL a card-sized
  // translucent layer costs as much as the card (same pixels on screen).
  const float s = 3.0f * ctx_.m().scale;
  const ImVec2 shadow_min(start_.x, start_.y + s);
  const ImVec2 shadow_max(end.x, end.y + s);
  // Where the card's bottom corners begin; whole pixels, so the bands'
  // scissor rectangles meet without a gap or an overlap.
  const float below = std::floor(end.y - r - 2.0f);
  const float fringe = 2.0f;
  const Rect bands[] = {
      {ImVec2(start_.x - fringe, below), ImVec2(end.x + fringe, shadow_max.y + fringe)},
      {ImVec2(start_.x - fringe, shadow_min.y), ImVec2(start_.x + fringe, below)},
      {ImVec2(end.x - fringe, shadow_min.y), ImVec2(end.x + fringe, below)},
  };
  for (const Rect& band : bands) {
    if (band.max.y <= band.min.y) continue;
    draw_list_->PushClipRect(band.min, band.max, true);
    fill_rounded(draw_list_, shadow_min, shadow_max, IM_COL32(0, 0, 0, 18), r);
    draw_list_->PopClipRect();
  }
  fill_rounded(draw_list_, start_, end, fill_, r);
  if (edge_ != 0) {
    draw_list_->AddRectFilled(start_, ImVec2(start_.x + 8.0f * ctx_.m().scale, end.y), edge_, r,
                              ImDrawFlags_RoundCornersLeft);
  }
  splitter_.Merge(draw_list_);
  ImGui::SetCursorScreenPos(start_);
  ImGui::Dummy(ImVec2(width_, bottom - start_.y));
}

void status_icon(DrawContext& ctx, ImVec2 centre, float radius, ImU32 fill,
                 std::string_view symbol) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddCircleFilled(centre, radius, fill, 48);
  const ImFont* font = ctx.fonts().headline;
  const ImVec2 t = text_size(font, symbol);
  text_at(ctx, font, ctx.pal().on_status, ImVec2(centre.x - t.x * 0.5f, centre.y - t.y * 0.5f),
          symbol);
}

void gap(float height) {
  ImGui::Dummy(ImVec2(1.0f, height));
}

void drag_to_scroll() {
  const ImGuiIO& io = ImGui::GetIO();
  if (ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) &&
      ImGui::IsMouseDragging(ImGuiMouseButton_Left, 8.0f)) {
    ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
  }
}

}  // namespace witryna::display
