#pragma once
// Drawing helpers shared by the views. All text goes through here so the
// glyph audit sees it. Positions are ImGui screen coordinates.

#include <imgui.h>

#include <string_view>

#include "display/views/draw_context.hpp"

namespace witryna::display {

struct Rect {
  ImVec2 min;
  ImVec2 max;
  [[nodiscard]] float width() const { return max.x - min.x; }
  [[nodiscard]] float height() const { return max.y - min.y; }
};

[[nodiscard]] ImVec2 text_size(const ImFont* font, std::string_view s, float wrap_width = -1.0f);

// Text at the cursor, advancing it. `wrap_width` > 0 wraps at that width.
void text(DrawContext& ctx, const ImFont* font, ImU32 colour, std::string_view s,
          float wrap_width = -1.0f);
// "•" and wrapped text hanging after it, within `width`.
void bullet(DrawContext& ctx, const ImFont* font, ImU32 colour, std::string_view s, float width);
// Wrapped text with each line centred in `width` from the cursor.
void text_centered(DrawContext& ctx, const ImFont* font, ImU32 colour, std::string_view s,
                   float width);
// Text drawn at a fixed point (no cursor movement).
void text_at(DrawContext& ctx, const ImFont* font, ImU32 colour, ImVec2 pos, std::string_view s);

enum class ButtonKind { kPrimary, kAccent, kSuccess, kDanger, kQuiet, kOutline, kOnPrimary };

// A touch-size button; size 0 in x fits the label, 0 in y uses Metrics::touch.
bool button(DrawContext& ctx, const char* id, std::string_view label, ButtonKind kind,
            ImVec2 size = ImVec2(0, 0), const ImFont* font = nullptr, bool enabled = true);
[[nodiscard]] ImVec2 button_size(const DrawContext& ctx, std::string_view label,
                                 const ImFont* font = nullptr);

// A rounded label ("Gold member", "In stock: 3 left") at the cursor.
void pill(DrawContext& ctx, std::string_view label, ImU32 fill, ImU32 colour,
          const ImFont* font = nullptr);
[[nodiscard]] ImVec2 pill_size(const DrawContext& ctx, std::string_view label,
                               const ImFont* font = nullptr);

// An on/off switch; true when tapped.
bool toggle_switch(DrawContext& ctx, const char* id, bool on);
[[nodiscard]] ImVec2 toggle_size(const DrawContext& ctx);

// A selectable chip for the quiz; true when tapped.
bool chip(DrawContext& ctx, const char* id, std::string_view label, bool selected);
[[nodiscard]] ImVec2 chip_size(const DrawContext& ctx, std::string_view label);

// Lays out items left to right, wrapping at `width` from where it starts.
class Flow {
 public:
  Flow(const DrawContext& ctx, float width);
  // Call before each item of `size`: moves the cursor where it goes.
  void next(ImVec2 size);
  // Moves the cursor below the last row.
  void end();

 private:
  ImVec2 origin_;
  float width_;
  float spacing_;
  float x_ = 0;
  float y_ = 0;
  float row_height_ = 0;
};

// A filled, rounded panel around whatever is drawn between construction and
// destruction; it grows to fit its content. `inner_width()` is the width
// content should wrap to. Not nestable.
class Card {
 public:
  Card(DrawContext& ctx, float width, ImU32 fill, float pad = -1.0f, ImU32 edge = 0);
  ~Card();
  Card(const Card&) = delete;
  Card& operator=(const Card&) = delete;
  [[nodiscard]] float inner_width() const { return width_ - 2 * pad_; }

 private:
  DrawContext& ctx_;
  ImDrawList* draw_list_;
  ImDrawListSplitter splitter_;
  ImVec2 start_;
  float width_;
  float pad_;
  ImU32 fill_;
  ImU32 edge_;
};

// A round badge with one symbol ("✓", "!", "i").
void status_icon(DrawContext& ctx, ImVec2 centre, float radius, ImU32 fill,
                 std::string_view symbol);

// Vertical space.
void gap(float height);

// Lets a finger drag the current (child) window's content up and down.
void drag_to_scroll();

}  // namespace witryna::display
