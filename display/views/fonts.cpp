#include "display/views/fonts.hpp"

#include <string>
#include <vector>

#include "display/model/translations.hpp"
#include "display/model/utf8.hpp"

namespace witryna::display {
namespace {

// Dashes, quotes, bullet, ellipsis; the euro; arrows; the minus; the check mark.
constexpr ImWchar kPunctuation[] = {0x2010, 0x2027, 0x2030, 0x203A, 0x20AC, 0x20AC, 0x2190,
                                    0x2193, 0x2212, 0x2212, 0x2713, 0x2713, 0};
constexpr ImWchar kLatinExtendedA[] = {0x0100, 0x017F, 0};
// The benefit font only draws "-20%", "-50,00 zł", "2× points", "-PLN 50.00".
constexpr ImWchar kBenefitGlyphs[] = {0x0020, 0x007E, 0x00A0, 0x00A0, 0x00D7, 0x00D7,
                                      0x20AC, 0x20AC, 0x2212, 0x2212, 0};
constexpr ImWchar kBenefitPolish[] = {0x0142, 0x0142, 0};  // ł of "zł"
constexpr ImWchar kCodeGlyphs[] = {0x0020, 0x007E, 0x00A0, 0x00A0, 0x00B7,
                                   0x00B7, 0x2026, 0x2026, 0};

struct Ranges {
  ImVector<ImWchar> text;
  ImVector<ImWchar> benefit;
};

// Kept alive for the atlas: ImGui reads the ranges when it builds.
Ranges& ranges_for(ImFontAtlas& atlas, bool latin_extended) {
  static Ranges with;
  static Ranges without;
  Ranges& r = latin_extended ? with : without;
  if (!r.text.empty()) return r;
  ImFontGlyphRangesBuilder text;
  text.AddRanges(atlas.GetGlyphRangesDefault());
  text.AddRanges(kPunctuation);
  if (latin_extended) {
    text.AddRanges(kLatinExtendedA);
    // Anything else the tables use gets its glyph too.
    for (const auto s : all_strings())
      text.AddText(s.data(), s.data() + s.size());
  }
  text.BuildRanges(&r.text);
  ImFontGlyphRangesBuilder benefit;
  benefit.AddRanges(kBenefitGlyphs);
  if (latin_extended) benefit.AddRanges(kBenefitPolish);
  benefit.BuildRanges(&r.benefit);
  return r;
}

Result<ImFont*> add_font(ImFontAtlas& atlas, const std::filesystem::path& file, float px,
                         const ImWchar* ranges, int oversample) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) {
    return fail(std::string(errc::kIo), "font not found: " + file.string() +
                                            " (install fonts-dejavu-core or pass --font-dir)");
  }
  ImFontConfig config;
  config.OversampleH = oversample;
  config.OversampleV = 1;
  config.PixelSnapH = oversample == 1;
  ImFont* font = atlas.AddFontFromFileTTF(file.c_str(), px, &config, ranges);
  if (font == nullptr) return fail(std::string(errc::kIo), "cannot load font " + file.string());
  return font;
}

}  // namespace

Result<Fonts> load_fonts(ImFontAtlas& atlas, const FontOptions& options) {
  const Ranges& r = ranges_for(atlas, options.latin_extended);
  const auto regular = options.dir / "DejaVuSans.ttf";
  const auto bold = options.dir / "DejaVuSans-Bold.ttf";
  const auto mono = options.dir / "DejaVuSansMono-Bold.ttf";
  const float s = options.scale;
  atlas.Clear();
  atlas.TexDesiredWidth = 4096;
  Fonts f;
  struct Want {
    ImFont** slot;
    const std::filesystem::path* file;
    float px;
    const ImWchar* ranges;
    int oversample;
  };
  const Want wants[] = {
      {&f.body, &regular, 27.0f * s, r.text.Data, 2},  // first: ImGui's default font
      {&f.small, &regular, 20.0f * s, r.text.Data, 2},
      {&f.bold, &bold, 27.0f * s, r.text.Data, 2},
      {&f.title, &bold, 36.0f * s, r.text.Data, 1},
      {&f.headline, &bold, 52.0f * s, r.text.Data, 1},
      {&f.huge, &bold, 120.0f * s, r.benefit.Data, 1},
      {&f.code, &mono, 56.0f * s, kCodeGlyphs, 1},
  };
  for (const auto& w : wants) {
    auto font = add_font(atlas, *w.file, w.px, w.ranges, w.oversample);
    if (!font) return Unexpected(font.error());
    *w.slot = *font;
  }
  if (!atlas.Build()) return fail(std::string(errc::kIo), "the font atlas could not be built");
  return f;
}

std::set<char32_t> missing_glyphs(const ImFont& font, std::string_view text) {
  std::set<char32_t> out;
  for (const char32_t c : utf8_code_points(text)) {
    if (c == '\n' || c == '\r' || c == '\t') continue;
    if (c > 0xFFFF || font.FindGlyphNoFallback(static_cast<ImWchar>(c)) == nullptr) out.insert(c);
  }
  return out;
}

void GlyphAudit::check(const ImFont* font, std::string_view text) {
  if (font == nullptr) return;
  const auto missing = missing_glyphs(*font, text);
  missing_.insert(missing.begin(), missing.end());
}

}  // namespace witryna::display
