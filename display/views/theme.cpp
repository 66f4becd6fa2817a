#include "display/views/theme.hpp"

#include <algorithm>

namespace witryna::display {

ImU32 to_u32(Rgb c, float alpha) {
  return IM_COL32(c.r, c.g, c.b, static_cast<int>(std::clamp(alpha, 0.0f, 1.0f) * 255.0f));
}

ImU32 with_alpha(ImU32 c, float alpha) {
  const auto a = static_cast<ImU32>(std::clamp(alpha, 0.0f, 1.0f) * 255.0f + 0.5f);
  return (c & ~IM_COL32_A_MASK) | (a << IM_COL32_A_SHIFT);
}

ImU32 mix(ImU32 a, ImU32 b, float t) {
  const auto channel = [&](int shift) {
    const float ca = static_cast<float>((a >> shift) & 0xFF);
    const float cb = static_cast<float>((b >> shift) & 0xFF);
    return static_cast<ImU32>(ca + (cb - ca) * t + 0.5f) << shift;
  };
  return channel(IM_COL32_R_SHIFT) | channel(IM_COL32_G_SHIFT) | channel(IM_COL32_B_SHIFT) |
         (a & IM_COL32_A_MASK);
}

namespace {

ImU32 readable_on(Rgb c) {
  return luminance(c) > 0.45 ? IM_COL32(17, 17, 17, 255) : IM_COL32(255, 255, 255, 255);
}

}  // namespace

Palette make_palette(const BrandColours& brand) {
  Palette p{};
  p.primary = to_u32(brand.primary);
  p.on_primary = readable_on(brand.primary);
  p.accent = to_u32(brand.accent);
  p.on_accent = readable_on(brand.accent);
  p.background = to_u32(brand.background);
  p.text = to_u32(brand.text);
  const bool dark = luminance(brand.background) < 0.3;
  p.surface = dark ? mix(p.background, IM_COL32(255, 255, 255, 255), 0.08f)
                   : mix(p.background, IM_COL32(255, 255, 255, 255), 1.0f);
  p.surface_alt = mix(p.background, p.text, 0.06f);
  if (!dark && luminance(brand.background) > 0.95) {
    // A white shop background: cards sit on a faint tint so they stand apart.
    p.background = mix(p.background, p.accent, 0.05f);
    p.surface_alt = mix(p.surface, p.accent, 0.08f);
  }
  p.muted = mix(p.text, p.background, 0.42f);
  p.border = mix(p.background, p.text, 0.14f);
  p.success = IM_COL32(0x1B, 0x7F, 0x3B, 255);
  p.warning = IM_COL32(0xB4, 0x5F, 0x06, 255);
  p.danger = IM_COL32(0xB3, 0x26, 0x1E, 255);
  p.on_status = IM_COL32(255, 255, 255, 255);
  return p;
}

Metrics make_metrics(ImVec2 size) {
  Metrics m;
  m.size = size;
  m.portrait = size.y > size.x;
  m.scale = std::max(0.5f, std::min(size.x, size.y) / 800.0f);
  m.pad = 24.0f * m.scale;
  m.gap = 18.0f * m.scale;
  m.radius = 18.0f * m.scale;
  m.touch = 84.0f * m.scale;
  m.strip = 40.0f * m.scale;
  return m;
}

void apply_style(const Theme& theme) {
  ImGuiStyle& style = ImGui::GetStyle();
  const auto& m = theme.metrics;
  const auto& p = theme.palette;
  style.WindowPadding = ImVec2(0, 0);
  style.WindowBorderSize = 0;
  style.ChildBorderSize = 0;
  style.FrameBorderSize = 0;
  style.WindowRounding = 0;
  style.ChildRounding = m.radius;
  style.FrameRounding = m.radius * 0.6f;
  style.GrabRounding = m.radius * 0.6f;
  style.ScrollbarRounding = m.radius;
  style.ScrollbarSize = 14.0f * m.scale;
  style.FramePadding = ImVec2(m.pad * 0.6f, m.pad * 0.5f);
  style.ItemSpacing = ImVec2(m.gap * 0.6f, m.gap * 0.6f);
  style.ItemInnerSpacing = ImVec2(m.gap * 0.4f, m.gap * 0.4f);
  style.TouchExtraPadding = ImVec2(4.0f * m.scale, 4.0f * m.scale);
  style.AntiAliasedFill = true;
  style.AntiAliasedLines = true;
  auto c = [](ImU32 v) { return ImGui::ColorConvertU32ToFloat4(v); };
  style.Colors[ImGuiCol_WindowBg] = c(p.background);
  style.Colors[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
  style.Colors[ImGuiCol_Text] = c(p.text);
  style.Colors[ImGuiCol_TextDisabled] = c(p.muted);
  style.Colors[ImGuiCol_FrameBg] = c(p.surface);
  style.Colors[ImGuiCol_FrameBgHovered] = c(p.surface);
  style.Colors[ImGuiCol_FrameBgActive] = c(p.surface);
  style.Colors[ImGuiCol_Border] = c(p.border);
  style.Colors[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
  style.Colors[ImGuiCol_ScrollbarGrab] = c(p.border);
  style.Colors[ImGuiCol_ScrollbarGrabHovered] = c(p.muted);
  style.Colors[ImGuiCol_ScrollbarGrabActive] = c(p.muted);
  style.Colors[ImGuiCol_TextSelectedBg] = c(mix(p.surface, p.accent, 0.3f));
  style.Colors[ImGuiCol_NavHighlight] = c(p.accent);
}

}  // namespace witryna::display
