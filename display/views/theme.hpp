#pragma once
// Colours, fonts and sizes every view draws with. Built once from the brand
// colours and the window size; views read it only.

#include <imgui.h>

#include "display/app/config.hpp"

namespace witryna::display {

struct Palette {
  ImU32 primary;     // brand colour: header, main buttons
  ImU32 on_primary;  // text on primary
  ImU32 accent;      // benefits, highlights
  ImU32 on_accent;
  ImU32 background;
  ImU32 surface;      // cards
  ImU32 surface_alt;  // quiet panels, unselected chips
  ImU32 text;
  ImU32 muted;  // secondary text
  ImU32 border;
  ImU32 success;
  ImU32 warning;
  ImU32 danger;
  ImU32 on_status;  // text on success/warning/danger
};

struct Fonts {
  ImFont* small = nullptr;  // status strip, fine print
  ImFont* body = nullptr;
  ImFont* bold = nullptr;
  ImFont* title = nullptr;     // card titles, buttons
  ImFont* headline = nullptr;  // greetings, outcome headlines
  ImFont* huge = nullptr;      // the benefit: "-20%"
  ImFont* code = nullptr;      // the typed code (monospace)
};

// Sizes in pixels, scaled to the screen so type stays readable from a metre.
struct Metrics {
  float scale = 1.0f;    // min(width, height) / 800
  float pad = 24.0f;     // inside cards and bars
  float gap = 20.0f;     // between blocks
  float radius = 18.0f;  // card corners
  float touch = 88.0f;   // smallest height of anything tapped
  float strip = 44.0f;   // status strip height
  bool portrait = true;
  ImVec2 size{};
};

struct Theme {
  Palette palette{};
  Fonts fonts{};
  Metrics metrics{};
};

[[nodiscard]] Palette make_palette(const BrandColours& brand);
[[nodiscard]] Metrics make_metrics(ImVec2 window_size);
// Sets ImGui's style (rounding, spacing, colours) to match.
void apply_style(const Theme& theme);

[[nodiscard]] ImU32 to_u32(Rgb c, float alpha = 1.0f);
[[nodiscard]] ImU32 with_alpha(ImU32 c, float alpha);
// `a` blended towards `b` by t (0..1), alpha from `a`.
[[nodiscard]] ImU32 mix(ImU32 a, ImU32 b, float t);

}  // namespace witryna::display
