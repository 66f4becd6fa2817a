// Every sentence and word the display can show has a real glyph in the font it
// is drawn with: no '?' boxes for Polish letters. Builds the font atlas on the
// CPU (no window or GL needed).
#include <gtest/gtest.h>

#include <memory>

#include "display/model/format.hpp"
#include "display/model/translations.hpp"
#include "display/model/utf8.hpp"
#include "display/views/fonts.hpp"

namespace witryna::display {
namespace glyphs_test {
namespace {

std::string describe(const std::set<char32_t>& missing) {
  std::string out;
  for (const char32_t c : missing)
    out += " U+" + std::to_string(static_cast<unsigned>(c));
  return out;
}

class Glyphs : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    atlas_ = std::make_unique<ImFontAtlas>();
    auto f = load_fonts(*atlas_, FontOptions{});
    ASSERT_TRUE(f) << f.error().context;
    fonts_ = *f;
  }
  static void TearDownTestSuite() { atlas_.reset(); }
  static std::unique_ptr<ImFontAtlas> atlas_;
  static Fonts fonts_;
};
std::unique_ptr<ImFontAtlas> Glyphs::atlas_;
Fonts Glyphs::fonts_{};

TEST_F(Glyphs, EveryTranslatedStringInEveryTextFont) {
  for (const ImFont* font :
       {fonts_.small, fonts_.body, fonts_.bold, fonts_.title, fonts_.headline}) {
    for (const auto s : all_strings()) {
      const auto missing = missing_glyphs(*font, s);
      EXPECT_TRUE(missing.empty()) << s << ":" << describe(missing);
    }
  }
}

TEST_F(Glyphs, PolishAlphabetAndNames) {
  const char* samples[] = {"ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ", "Zażółć gęślą jaźń", "Małgorzata Łódź",
                           "„cytat” – … • × € ✓ ←"};
  for (const ImFont* font :
       {fonts_.small, fonts_.body, fonts_.bold, fonts_.title, fonts_.headline}) {
    for (const char* s : samples)
      EXPECT_TRUE(missing_glyphs(*font, s).empty()) << s;
  }
}

TEST_F(Glyphs, BenefitFontHasEveryBenefit) {
  using domain::Benefit;
  using domain::BenefitType;
  const Benefit benefits[] = {{BenefitType::kPercent, 20, std::nullopt},
                              {BenefitType::kAmount, 123456, "PLN"},
                              {BenefitType::kAmount, 5000, "EUR"},
                              {BenefitType::kAmount, 999, "USD"},
                              {BenefitType::kPoints, 3, std::nullopt}};
  for (const auto& b : benefits) {
    for (const auto lang : {Language::kPl, Language::kEn}) {
      const std::string s = format_benefit(b, lang, "PLN");
      EXPECT_TRUE(missing_glyphs(*fonts_.huge, s).empty()) << s;
    }
  }
}

TEST_F(Glyphs, CodeFontHasTheAlphabetAndSlots) {
  EXPECT_TRUE(missing_glyphs(*fonts_.code, "0123456789ABCDEFGHJKMNPQRSTVWXYZ-_…").empty());
}

TEST(GlyphsWithoutLatinExtendedA, PolishLettersAreMissing) {
  // The control: the check above would catch a font set-up that forgot the range.
  ImFontAtlas atlas;
  FontOptions o;
  o.latin_extended = false;
  auto f = load_fonts(atlas, o);
  ASSERT_TRUE(f);
  const auto missing = missing_glyphs(*f->body, "ąćęłńóśźż");
  EXPECT_EQ(missing, (std::set<char32_t>{0x105, 0x107, 0x119, 0x142, 0x144, 0x15B, 0x17A, 0x17C}));
  EXPECT_FALSE(missing.contains(0xF3));  // ó is Latin-1
}

TEST(Fonts, MissingFontFileIsAnErrorNotACrash) {
  ImFontAtlas atlas;
  FontOptions o;
  o.dir = "/nonexistent";
  const auto f = load_fonts(atlas, o);
  ASSERT_FALSE(f);
  EXPECT_NE(f.error().context.find("/nonexistent/DejaVuSans.ttf"), std::string::npos);
}

TEST(Utf8, CodePoints) {
  EXPECT_EQ(utf8_code_points("aż€"), (std::vector<char32_t>{'a', 0x17C, 0x20AC}));
  EXPECT_EQ(utf8_code_points("\xC5"), (std::vector<char32_t>{0xFFFD}));
  EXPECT_EQ(utf8_code_points("\xFFx"), (std::vector<char32_t>{0xFFFD, 'x'}));
}

}  // namespace
}  // namespace glyphs_test
}  // namespace witryna::display
