#pragma once
// Everything a view may read while drawing one frame. Views draw from `view`
// (the edge's snapshot) and `ui` (UI-local state) only, and report what a
// person did through `intents`.

#include <initializer_list>
#include <string>
#include <string_view>

#include "display/model/format.hpp"
#include "display/model/intents.hpp"
#include "display/model/role.hpp"
#include "display/model/translations.hpp"
#include "display/model/ui_state.hpp"
#include "display/model/view_model.hpp"
#include "display/views/fonts.hpp"
#include "display/views/theme.hpp"

namespace witryna::display {

struct DrawContext {
  const ViewModel& view;
  UiState& ui;
  Intents& intents;
  const Theme& theme;
  Role role = Role::kKiosk;
  std::string_view till{};
  LocalClock clock{};
  std::string_view brand{};
  std::string_view currency = "PLN";
  Language default_language = Language::kPl;
  bool connected = true;
  Millis attract_per_slide{7000};
  GlyphAudit* audit = nullptr;  // set by --glyph-check
  // Out: the latest time by which the screen must be drawn again with no
  // input (a slide change, a clock that moves). Views only lower it.
  TimePoint next_redraw{};

  [[nodiscard]] Language lang() const { return ui.language; }
  [[nodiscard]] const Palette& pal() const { return theme.palette; }
  [[nodiscard]] const Fonts& fonts() const { return theme.fonts; }
  [[nodiscard]] const Metrics& m() const { return theme.metrics; }
  [[nodiscard]] std::string_view t(Text key) const { return tr(key, ui.language); }
  [[nodiscard]] std::string t(Text key, std::initializer_list<std::string_view> args) const {
    return tr(key, ui.language, args);
  }
  void redraw_by(TimePoint when) {
    if (when < next_redraw) next_redraw = when;
  }
};

}  // namespace witryna::display
