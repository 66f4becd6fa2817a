#pragma once
// DejaVu Sans (Debian fonts-dejavu-core) with the Latin Extended-A range, so
// every Polish letter (ą ć ę ł ń ó ś ź ż) has a real glyph.

#include <imgui.h>

#include <filesystem>
#include <set>
#include <string_view>

#include "display/views/theme.hpp"
#include "edge/core/result.hpp"

namespace witryna::display {

struct FontOptions {
  std::filesystem::path dir = WITRYNA_DISPLAY_FONT_DIR;
  float scale = 1.0f;  // Metrics::scale
  // Diagnostics only (--no-latin-ext): leave Latin Extended-A out, to prove
  // the glyph check catches missing Polish letters.
  bool latin_extended = true;
};

// Adds every font of `Fonts` to `atlas` and builds it (CPU only, no GL
// needed). io error naming the file when a font file is missing.
[[nodiscard]] Result<Fonts> load_fonts(ImFontAtlas& atlas, const FontOptions& options);

// Records every character drawn without a glyph in its font (ImGui would
// draw its fallback '?'). Views pass all their text through it when enabled.
class GlyphAudit {
 public:
  void check(const ImFont* font, std::string_view text);
  [[nodiscard]] const std::set<char32_t>& missing() const { return missing_; }

 private:
  std::set<char32_t> missing_;
};

// The characters of `text` that `font` has no glyph for.
[[nodiscard]] std::set<char32_t> missing_glyphs(const ImFont& font, std::string_view text);

}  // namespace witryna::display
